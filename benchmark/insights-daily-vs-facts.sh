#!/usr/bin/env bash
# The summary from daily figures against the summary from the case facts (as before ADR 16), interleaved,
# on the database benchmark/insights.sh seeded and kept (KEEP_DB=1 benchmark/insights.sh first). Setting
# insight_refresh.daily_zone to null makes the summary read the facts; the refresh runs only hourly meanwhile.
# Usage: [CLIENTS=1] [JAR=path] benchmark/insights-daily-vs-facts.sh
set -uo pipefail
cd "$(dirname "$0")/.."
DB=redress_bench_insights; PORT=18092; BASE=http://127.0.0.1:$PORT
PSQL="psql -h 127.0.0.1 -U postgres -q -At -d $DB"
JAR=${JAR:-target/redress-0.1.0-SNAPSHOT.jar}
ZONE=$($PSQL -c "select daily_zone from insight_refresh")
REDRESS_DATABASE_URL="jdbc:postgresql://127.0.0.1:5432/$DB" REDRESS_DATABASE_USER=postgres REDRESS_INSIGHTS_REFRESH_EVERY=1h \
  REDRESS_ADMIN_EMAIL=bench@example.com REDRESS_ADMIN_PASSWORD=bench-password-1 PORT=$PORT "${JAVA:-java}" -jar "$JAR" > target/benchmark-daily-vs-facts-app.log 2>&1 &
APP=$!
trap "kill $APP" EXIT
for _ in $(seq 1 180); do curl -sf "$BASE/actuator/health" >/dev/null && break; sleep 1; done
sleep 5
TOKEN=$(curl -sf -u bench@example.com:bench-password-1 -H 'Content-Type: application/json' -d '{"name":"daily-vs-facts"}' "$BASE/api/v1/tokens" | sed -E 's/.*"secret":"([^"]+)".*/\1/')
TODAY=$(date -u +%F); M90=$(date -u -d '89 days ago' +%F); TEAM=$($PSQL -c "select min(id) from teams")
PATHS=("/api/v1/insights/summary" "/api/v1/insights/summary?from=$M90&to=$TODAY" "/api/v1/insights/summary?team=$TEAM" "/api/v1/insights/summary?by=category")
for round in 1 2; do
  $PSQL -c "update insight_refresh set daily_zone = '$ZONE'"
  echo "== round $round: daily figures"; java benchmark/ApiLoad.java "$BASE" "$TOKEN" ${CLIENTS:-1} 15 5 "${PATHS[@]}"
  $PSQL -c "update insight_refresh set daily_zone = null"
  echo "== round $round: case facts (as before)"; java benchmark/ApiLoad.java "$BASE" "$TOKEN" ${CLIENTS:-1} 15 5 "${PATHS[@]}"
done
$PSQL -c "update insight_refresh set daily_zone = '$ZONE'"
echo "resident memory $(ps -o rss= -p $APP | awk '{printf "%.0f MB", $1/1024}')"
