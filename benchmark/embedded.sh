#!/usr/bin/env bash
# Measures the zero-setup default (H2 file database): first start, restart, intake at 1, 4
# and 16 clients, and resident memory. Usage: benchmark/embedded.sh [seconds-per-level=15]
# H2_URL overrides the database URL (e.g. to compare H2 settings side by side);
# JAVA=/path/to/java picks the runtime; JAR=path runs another build (e.g. an older commit's).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_LEVEL=${1:-15}
PORT=18081
WORK=$(mktemp -d)
JAR=$(realpath "${JAR:-target/redress-0.1.0-SNAPSHOT.jar}" 2>/dev/null || echo "$PWD/target/redress-0.1.0-SNAPSHOT.jar")
[ -f "$JAR" ] || ./mvnw -q -B package -DskipTests
if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then
  echo "Port $PORT is already taken; stop what listens there first." >&2
  exit 1
fi

# Starts the jar in $WORK and sets STARTED_MS to the time until it answers healthy.
start() {
  local began=$(date +%s%N)
  (cd "$WORK" && exec env ${H2_URL:+REDRESS_DATABASE_URL="$H2_URL"} \
    REDRESS_ADMIN_EMAIL=bench@example.com REDRESS_ADMIN_PASSWORD=bench-password-1 PORT=$PORT \
    "${JAVA:-java}" -jar "$JAR" >> "$WORK/app.log" 2>&1) &
  APP=$!
  for _ in $(seq 1 1200); do curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && break; sleep 0.1; done
  STARTED_MS=$(( ($(date +%s%N) - began) / 1000000 ))
}
stop() { kill "$APP"; wait "$APP" 2>/dev/null || true; }
trap 'kill $APP 2>/dev/null || true; rm -rf "$WORK"' EXIT

echo "Database: ${H2_URL:-the default}"
start; echo "First start (creates the schema): $STARTED_MS ms"; stop
start; echo "Restart: $STARTED_MS ms"
TOKEN=$(curl -sf -u bench@example.com:bench-password-1 -H 'Content-Type: application/json' \
  -d '{"name":"benchmark"}' "http://127.0.0.1:$PORT/api/v1/tokens" | sed -E 's/.*"secret":"([^"]+)".*/\1/')
"${JAVA:-java}" benchmark/IntakeLoad.java "http://127.0.0.1:$PORT" "$TOKEN" ${BENCH_CLIENTS:-1,4,16} "$SECONDS_PER_LEVEL" 5
echo "Resident memory of the application: $(ps -o rss= -p "$APP" | awk '{printf "%.0f MB", $1/1024}')"
echo "Database files: $(du -sh "$WORK/data" | cut -f1)"
stop
