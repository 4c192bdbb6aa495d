#!/usr/bin/env bash
# Incident notices: an incident with 100,000 affected customers (uploaded as CSV in five
# parts, each under the 2 MiB request limit) on PostgreSQL; measures the time from the
# notify request until all notices are in the outbox. No mail server is configured, so the
# notices stay queued. Usage: benchmark/incident.sh [customers=100000]
set -euo pipefail
cd "$(dirname "$0")/.."
CUSTOMERS=${1:-100000}
PARTS=5
DB=redress_incident_bench
PORT=18084
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"
BASE="http://127.0.0.1:$PORT"
now() { date +%s.%N; }

# The packaged jar when it can be built; otherwise the compiled classes with their dependencies.
if [ -f target/redress-0.1.0-SNAPSHOT.jar ] && unzip -l target/redress-0.1.0-SNAPSHOT.jar | grep -q BOOT-INF; then
  RUN=(-jar target/redress-0.1.0-SNAPSHOT.jar)
elif ./mvnw -q -B package -DskipTests 2>/dev/null; then
  RUN=(-jar target/redress-0.1.0-SNAPSHOT.jar)
else
  ./mvnw -q -B -o compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
  RUN=(-cp "target/classes:$(cat target/classpath.txt)" org.redress.RedressApplication)
fi
$PSQL -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"
REDRESS_DATABASE_URL="jdbc:postgresql://127.0.0.1:5432/$DB" REDRESS_DATABASE_USER=postgres \
REDRESS_ADMIN_EMAIL=bench@example.com REDRESS_ADMIN_PASSWORD=bench-password-1 PORT=$PORT \
  "${JAVA:-java}" "${RUN[@]}" > target/benchmark-incident-app.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "$BASE/actuator/health" >/dev/null && break; sleep 1; done
TOKEN=$(curl -sf -u bench@example.com:bench-password-1 -H 'Content-Type: application/json' \
  -d '{"name":"benchmark"}' "$BASE/api/v1/tokens" | sed -E 's/.*"secret":"([^"]+)".*/\1/')
AUTH="Authorization: Bearer $TOKEN"

FIX_BY=$(date -u -d '+7 days' +%F)
INCIDENT=$(curl -sf -H "$AUTH" -H 'Content-Type: application/json' "$BASE/api/v1/incidents" -d "{\"title\": \"Late deliveries\",
  \"whatHappened\": \"A fault at our northern depot delayed parcels.\", \"plan\": \"Two extra vans deliver every delayed parcel.\",
  \"fixBy\": \"$FIX_BY\", \"category\": \"delivery\", \"severity\": 2}" | sed -E 's/.*"number":"([^"]+)".*/\1/')

echo "== Put $CUSTOMERS customers (new to Redress) on $INCIDENT in $PARTS CSV uploads"
START=$(now)
PER=$((CUSTOMERS / PARTS))
for part in $(seq 0 $((PARTS - 1))); do
  awk -v from=$((part * PER + 1)) -v to=$(((part + 1) * PER)) 'BEGIN {
    print "customerRef,email,name"; for (i = from; i <= to; i++) printf "BENCH-%06d,customer%06d@bench.example,Customer %d\n", i, i, i }' \
    > target/benchmark-incident-part.csv
  curl -sf -H "$AUTH" -H 'Content-Type: text/csv' --data-binary @target/benchmark-incident-part.csv \
    "$BASE/api/v1/incidents/$INCIDENT/customers/csv" > /dev/null
done
printf 'Added in %.1f s\n' "$(echo "$(now) - $START" | bc)"

echo "== Notify: from the request until all $CUSTOMERS notices are in the outbox"
START=$(now)
curl -sf -H "$AUTH" -H 'Content-Type: application/json' -d '{}' "$BASE/api/v1/incidents/$INCIDENT/notify" > /dev/null
QUEUED=0
while [ "$QUEUED" -lt "$CUSTOMERS" ]; do
  sleep 0.5
  QUEUED=$($PSQL -d $DB -At -c "select count(*) from outbox where created_by = 'incident:$INCIDENT'")
done
ELAPSED=$(echo "$(now) - $START" | bc)
printf 'Queued %d notices in %.1f s (%.0f notices/s)\n' "$QUEUED" "$ELAPSED" "$(echo "$QUEUED / $ELAPSED" | bc -l)"
$PSQL -d $DB -At -F ' ' -c "select 'Throttled: first notice not before', min(next_attempt_at), ', last', max(next_attempt_at)
  from outbox where created_by = 'incident:$INCIDENT'"
$PSQL -d $DB -At -c "select 'Incident customers notified: ' || count(notified_at) || ' of ' || count(*) from incident_customers"
kill $APP; wait $APP 2>/dev/null || true
$PSQL -d postgres -c "drop database if exists $DB with (force)"
