#!/usr/bin/env bash
# Benchmarks a running local stack (start it first with deploy/local/run.sh).
#   Open model:   deploy/local/bench.sh [rate ...] [--duration SECONDS] [--warmup SECONDS]   (default: 100 300, 60 s each)
#   Burst/drain:  deploy/local/bench.sh --burst N [--concurrency 64] [--timeout 240]
#   Urgent:       deploy/local/bench.sh --urgent-behind N [--urgent 20] [--urgent-every-ms 250] [--timeout 240]
#   PDQ lookup:   deploy/local/bench.sh --hash-lookup [--hashes 1000000] [--lookups 2000]
#   Both drain modes also take [--chart PATH.svg] [--floor-seconds 10] [--floor-clients 8]; they measure the
#   PostgreSQL floor first, read stage times from the services' databases and print a Markdown summary.
set -euo pipefail
cd "$(dirname "$0")/../.."
stack=deploy/local/stack
if [ ! -f $stack/target/stack.classpath ] || [ ! -f $stack/target/classes/vn/childsafe/local/stack/Benchmark.class ]; then
  # The format check belongs to ./mvnw verify (CI); a stack started to try a change need not wait for it.
  ./mvnw -B -q -DskipTests -Dspotless.check.skip=true install
elif [ -n "$(find $stack/src/main $stack/pom.xml -newer $stack/target/classes/vn/childsafe/local/stack/Benchmark.class -print -quit)" ]; then
  # The benchmark changed: recompile it with its sibling modules from this checkout (not whatever another checkout
  # installed in ~/.m2), leaving the services' jars alone so that a running stack is not disturbed.
  ./mvnw -B -q -DskipTests -pl service-commons,deploy/local/kafka-broker,deploy/local/infra,$stack compile
fi
exec java -Xmx512m -cp "$stack/target/classes:$(cat $stack/target/stack.classpath)" \
  vn.childsafe.local.stack.Benchmark "$@"
