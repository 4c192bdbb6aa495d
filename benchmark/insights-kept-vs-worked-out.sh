#!/usr/bin/env bash
# Reports from what the refresh keeps for them against the same reports worked out on every read (as
# before), interleaved, on the database benchmark/insights.sh seeded and kept (KEEP_DB=1 benchmark/insights.sh
# first). The refresh runs only hourly meanwhile, so that it does not build again what is switched off.
#   daily:     the summary from the daily figures (ADR 16) or from the case facts (insight_refresh.daily_zone null).
#   retention: retention from insight_activity and the next closes (ADR 17) or from the business events and
#              facts (insight_refresh.activity_counted false), the latter also with PostgreSQL's JIT on, as before.
# Usage: [CLIENTS=1] [JAR=path] benchmark/insights-kept-vs-worked-out.sh daily|retention
set -uo pipefail
cd "$(dirname "$0")/.."
WHAT=${1:?daily or retention}
DB=redress_bench_insights; BASE_PORT=18092
PSQL="psql -h 127.0.0.1 -U postgres -q -At -d $DB"
JAR=${JAR:-target/redress-0.1.0-SNAPSHOT.jar}
ZONE=$($PSQL -c "select daily_zone from insight_refresh")
TODAY=$(date -u +%F); M90=$(date -u -d '89 days ago' +%F); TEAM=$($PSQL -c "select min(id) from teams")
OLD_FROM=$(date -u -d '240 days ago' +%F); OLD_TO=$(date -u -d '211 days ago' +%F)
case $WHAT in
  daily)
    PATHS=("/api/v1/insights/summary" "/api/v1/insights/summary?from=$M90&to=$TODAY" "/api/v1/insights/summary?team=$TEAM"
           "/api/v1/insights/summary?by=category")
    KEPT="update insight_refresh set daily_zone = '$ZONE'"; WORKED_OUT="update insight_refresh set daily_zone = null"
    JIT_ON_TOO=no;;
  retention)
    PATHS=("/api/v1/insights/retention" "/api/v1/insights/retention?from=$M90&to=$TODAY" "/api/v1/insights/retention?team=$TEAM"
           "/api/v1/insights/retention?from=$OLD_FROM&to=$OLD_TO")
    KEPT="update insight_refresh set activity_counted = true"; WORKED_OUT="update insight_refresh set activity_counted = false"
    JIT_ON_TOO=yes;;
  *) echo "daily or retention"; exit 2;;
esac

APPS=()
trap 'kill ${APPS[*]} 2>/dev/null' EXIT
# Starts a node on its port with the given session options (empty: PostgreSQL's defaults, JIT on).
start() {
  REDRESS_DATABASE_URL="jdbc:postgresql://127.0.0.1:5432/$DB" REDRESS_DATABASE_USER=postgres REDRESS_INSIGHTS_REFRESH_EVERY=1h \
    REDRESS_DATABASE_OPTIONS="$2" REDRESS_ADMIN_EMAIL=bench@example.com REDRESS_ADMIN_PASSWORD=bench-password-1 PORT=$1 \
    "${JAVA:-java}" -jar "$JAR" > "target/benchmark-kept-vs-worked-out-$1.log" 2>&1 &
  APPS+=($!)
  for _ in $(seq 1 180); do curl -sf "http://127.0.0.1:$1/actuator/health" >/dev/null && break; sleep 1; done
}
token() {
  curl -sf -u bench@example.com:bench-password-1 -H 'Content-Type: application/json' -d '{"name":"kept-vs-worked-out"}' \
    "http://127.0.0.1:$1/api/v1/tokens" | sed -E 's/.*"secret":"([^"]+)".*/\1/'
}
load() {
  "${JAVA:-java}" benchmark/ApiLoad.java "http://127.0.0.1:$1" "$2" ${CLIENTS:-1} 15 5 "${PATHS[@]}"
}
start $BASE_PORT "-c jit=off"
TOKEN=$(token $BASE_PORT)
if [ $JIT_ON_TOO = yes ]; then
  start $((BASE_PORT + 1)) ""
  TOKEN_JIT=$(token $((BASE_PORT + 1)))
fi
sleep 5
for round in 1 2; do
  $PSQL -c "$KEPT"
  echo "== round $round: kept by the refresh"; load $BASE_PORT "$TOKEN"
  $PSQL -c "$WORKED_OUT"
  echo "== round $round: worked out on every read"; load $BASE_PORT "$TOKEN"
  if [ $JIT_ON_TOO = yes ]; then
    echo "== round $round: worked out on every read, JIT on (as before)"; load $((BASE_PORT + 1)) "$TOKEN_JIT"
  fi
done
$PSQL -c "$KEPT"
