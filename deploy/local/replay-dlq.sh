#!/usr/bin/env bash
# Re-publishes chosen records of a dead-letter topic to the topic they came from, once their cause is fixed.
# Usage and options: deploy/local/replay-dlq.sh --help; docs/runbook.md, "Replaying dead letters".
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ ! -f deploy/local/stack/target/stack.classpath ]; then
  echo "[childsafe] Building the local stack tools ..."
  # The format check belongs to ./mvnw verify (CI); a stack started to try a change need not wait for it.
  ./mvnw -B -q -DskipTests -Dspotless.check.skip=true install
fi
exec java -cp "deploy/local/stack/target/classes:$(cat deploy/local/stack/target/stack.classpath)" \
  vn.childsafe.local.stack.DeadLetterReplay "$@"
