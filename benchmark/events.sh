#!/usr/bin/env bash
# Business event ingestion: 4 clients posting batches of 500 new events to the packaged
# application on PostgreSQL; then processing (surveys, risk): events processed per second
# by the signals sweep over 30 s once the load has stopped. Usage: benchmark/events.sh [seconds=20]
# JAR=path runs another build (e.g. an older commit's, for a before/after).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN=${1:-20}
DB=redress_events_bench
PORT=18083
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"

JAR=${JAR:-target/redress-0.1.0-SNAPSHOT.jar}
[ -f "$JAR" ] || ./mvnw -q -B package -DskipTests
$PSQL -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"
REDRESS_DATABASE_URL="jdbc:postgresql://127.0.0.1:5432/$DB" REDRESS_DATABASE_USER=postgres \
REDRESS_ADMIN_EMAIL=bench@example.com REDRESS_ADMIN_PASSWORD=bench-password-1 PORT=$PORT \
  "${JAVA:-java}" -jar "$JAR" > target/benchmark-events-app.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && break; sleep 1; done
# Business events come from an integration, with a token the admin issues for it.
INTEGRATION=$(curl -sf -u bench@example.com:bench-password-1 -H 'Content-Type: application/json' \
  -d '{"email":"orders@bench.example","name":"Order system","role":"integration"}' \
  "http://127.0.0.1:$PORT/api/v1/users" | sed -E 's/.*"id":([0-9]+).*/\1/')
TOKEN=$(curl -sf -u bench@example.com:bench-password-1 -H 'Content-Type: application/json' \
  -d '{"name":"benchmark"}' "http://127.0.0.1:$PORT/api/v1/users/$INTEGRATION/tokens" | sed -E 's/.*"secret":"([^"]+)".*/\1/')

echo "== POST /api/v1/events, ${SECONDS_TO_RUN}s (after a 5 s warm-up)"
"${JAVA:-java}" benchmark/EventLoad.java "http://127.0.0.1:$PORT" "$TOKEN" 4 500 "$SECONDS_TO_RUN" 5
echo "Stored: $($PSQL -d $DB -At -c 'select count(*) from business_events')"
echo "== Processing (the signals sweep, one node), 30 s after the load"
BEFORE=$($PSQL -d $DB -At -c 'select count(*) from business_events where processed_at is not null')
sleep 30
AFTER=$($PSQL -d $DB -At -c 'select count(*) from business_events where processed_at is not null')
echo "Processed: $((AFTER - BEFORE)) events in 30 s = $(( (AFTER - BEFORE) / 30 )) events/s; still waiting: $($PSQL -d $DB -At -c 'select count(*) from business_events where processed_at is null')"
kill $APP; wait $APP 2>/dev/null || true
$PSQL -d postgres -c "drop database if exists $DB with (force)"
