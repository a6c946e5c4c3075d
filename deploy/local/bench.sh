#!/usr/bin/env bash
# Open-model benchmark against a running local stack (start it first with deploy/local/run.sh).
# Usage: deploy/local/bench.sh [rate ...] [--duration SECONDS] [--warmup SECONDS]   (default: 100 300, 60 s each)
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f deploy/local/stack/target/stack.classpath ] || ./mvnw -B -q -DskipTests install
exec java -Xmx512m -cp "deploy/local/stack/target/classes:$(cat deploy/local/stack/target/stack.classpath)" \
  vn.childsafe.local.stack.Benchmark "$@"
