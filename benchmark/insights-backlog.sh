#!/usr/bin/env bash
# How long the insights refresh takes to work off a backlog of today's new cases: intake at 16
# clients for N seconds with the refresh held off (every hour), then the application started
# again with the refresh every second; prints the cases, the batches' span (first to last
# batch written, from the facts' refreshed_at) and the time until the facts had caught up.
# Usage: benchmark/insights-backlog.sh [intake-seconds=60]; JAR=path runs another build.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_OF_INTAKE=${1:-60}
DB=redress_bench_backlog
PORT=18093
JAR=${JAR:-target/redress-0.1.0-SNAPSHOT.jar}
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q -At"
[ -f "$JAR" ] || ./mvnw -q -B package -DskipTests
$PSQL -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"

start_app() {
  REDRESS_DATABASE_URL="jdbc:postgresql://127.0.0.1:5432/$DB" REDRESS_DATABASE_USER=postgres \
  REDRESS_ADMIN_EMAIL=bench@example.com REDRESS_ADMIN_PASSWORD=bench-password-1 PORT=$PORT \
    "${JAVA:-java}" -jar "$JAR" "--redress.insights.refresh-every=$1" > target/benchmark-backlog-app.log 2>&1 &
  APP=$!
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && break; sleep 0.5; done
}
trap 'kill ${APP:-0} 2>/dev/null || true' EXIT

start_app 1h
TOKEN=$(curl -sf -u bench@example.com:bench-password-1 -H 'Content-Type: application/json' \
  -d '{"name":"benchmark"}' "http://127.0.0.1:$PORT/api/v1/tokens" | sed -E 's/.*"secret":"([^"]+)".*/\1/')
"${JAVA:-java}" benchmark/IntakeLoad.java "http://127.0.0.1:$PORT" "$TOKEN" 16 "$SECONDS_OF_INTAKE" 0 | tail -1
kill $APP; wait $APP 2>/dev/null || true
CASES=$($PSQL -d $DB -c "select count(*) from recovery_cases")
echo "Backlog: $CASES cases opened today, $($PSQL -d $DB -c "select count(*) from insight_case_facts") in the facts"

# The refresh's next run was stored an hour ahead: due now.
$PSQL -d $DB -c "update scheduled_tasks set execution_time = current_timestamp where task_name = 'insights-refresh'"
started=$(date +%s.%N)
start_app 1s
ready=$(date +%s.%N)
until [ "$($PSQL -d $DB -c "select count(*) from insight_case_facts")" = "$CASES" ] \
  && [ "$($PSQL -d $DB -c "select after_case_id from insight_refresh")" = "0" ]; do sleep 0.2; done
done_at=$(date +%s.%N)
SPAN=$($PSQL -d $DB -c "select round(extract(epoch from max(refreshed_at) - min(refreshed_at))::numeric, 1) from insight_case_facts")
awk -v s="$started" -v r="$ready" -v d="$done_at" -v span="$SPAN" \
  'BEGIN { printf "Started in %.1f s; caught up %.1f s after it was ready; batches written over %s s\n", r - s, d - r, span }'
kill $APP; wait $APP 2>/dev/null || true
$PSQL -d postgres -c "drop database if exists $DB with (force)"
