#!/usr/bin/env bash
# Starts the whole ChildSafe stack on this machine: PostgreSQL, Kafka, intake (8081), routing (8082),
# notify (8083) and the demo unit inbox (8089). Builds what is missing or out of date first.
# Ctrl-C (or SIGTERM) stops every process it started. Settings: see docs/runbook.md.
set -euo pipefail
cd "$(dirname "$0")/../.."

needs_build() {
  local module
  for module in service-commons deploy/local/kafka-broker deploy/local/infra intake-service routing-service notify-service deploy/local/stack; do
    local marker="$module/target/classes"
    case "$module" in
      *-service) marker="$module/target/quarkus-app/quarkus-run.jar" ;;
    esac
    [ -e "$marker" ] || return 0
    [ -z "$(find "$module/src/main" "$module/pom.xml" -newer "$marker" -print -quit 2>/dev/null)" ] || return 0
  done
  [ -f deploy/local/stack/target/stack.classpath ] || return 0
  [ -z "$(find pom.xml -newer deploy/local/stack/target/stack.classpath -print -quit)" ] || return 0
  return 1
}

if needs_build; then
  echo "[childsafe] Building (first start or changed sources) ..."
  # The format check belongs to ./mvnw verify (CI); a stack started to try a change need not wait for it.
  ./mvnw -B -q -DskipTests -Dspotless.check.skip=true install
fi

exec java -Xmx256m -cp "deploy/local/stack/target/classes:$(cat deploy/local/stack/target/stack.classpath)" \
  vn.childsafe.local.stack.Main "$@"
