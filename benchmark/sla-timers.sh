#!/usr/bin/env bash
# SLA timers at scale: with 1,000,000 open cases and timers in PostgreSQL, measures
#  1. what the scheduler costs the database (and the application) when nothing is due;
#  2. the lag from a timer's due time until its breach is recorded, with 1,000 timers
#     falling due within one minute (1,000 breaches per minute).
# Usage: benchmark/sla-timers.sh [open-cases=1000000]
set -euo pipefail
cd "$(dirname "$0")/.."
OPEN=${1:-1000000}
DB=redress_sla_bench
PORT=18081
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q -At"

cpu_ticks() { # total utime+stime (clock ticks) of the given processes
  local total=0
  for pid in "$@"; do
    if [ -r "/proc/$pid/stat" ]; then
      total=$(( total + $(awk '{print $14 + $15}' "/proc/$pid/stat") ))
    fi
  done
  echo "$total"
}

[ -f target/redress-0.1.0-SNAPSHOT.jar ] || ./mvnw -q -B package -DskipTests
$PSQL -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"

REDRESS_DATABASE_URL="jdbc:postgresql://127.0.0.1:5432/$DB" REDRESS_DATABASE_USER=postgres \
REDRESS_ADMIN_EMAIL=bench@example.com REDRESS_ADMIN_PASSWORD=bench-password-1 PORT=$PORT \
  "${JAVA:-java}" -jar target/redress-0.1.0-SNAPSHOT.jar > target/benchmark-sla-app.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && break; sleep 1; done

echo "Seeding $OPEN open cases, each with a timer due in the next 30 days"
start=$(date +%s)
$PSQL -d $DB <<SQL
insert into customers (external_ref, tier, created_at, updated_at, version)
  values ('sla-bench', 'standard', current_timestamp, current_timestamp, 1);
insert into recovery_cases (customer_id, channel, category, severity, subject, status, opened_at, updated_at, version)
  select (select id from customers where external_ref = 'sla-bench'), 'EMAIL', 'delivery', 3, 'Open case ' || n, 'NEW',
         current_timestamp, current_timestamp, 1
  from generate_series(1, $OPEN) as n;
insert into sla_clocks (case_id, target, policy_id, started_at, warn_at, due_at)
  select id, 'ACKNOWLEDGE', 1, current_timestamp,
         current_timestamp + interval '1 day' + (random() * interval '29 days'),
         current_timestamp + interval '2 days' + (random() * interval '28 days')
  from recovery_cases;
analyze;
SQL
# Timers are measured here, not the insights: their refresh is told it has read the seeded
# cases (it would otherwise spend the run reading a million of them).
if [ -n "$($PSQL -d $DB -c "select to_regclass('insight_refresh')")" ]; then
  $PSQL -d $DB -c "update insight_refresh set changed_since = current_timestamp + interval '10 minutes', after_case_id = 0"
fi
echo "Seeded in $(( $(date +%s) - start )) s: $($PSQL -d $DB -c "select count(*) from sla_clocks where met_at is null") pending timers"

PG_PIDS=$(pgrep -u postgres -f "postgres: .* $DB" | tr '\n' ' ' || true)
sleep 10
TICKS=$(getconf CLK_TCK)
IDLE=60
pg0=$(cpu_ticks $PG_PIDS); app0=$(cpu_ticks $APP)
sleep $IDLE
pg1=$(cpu_ticks $PG_PIDS); app1=$(cpu_ticks $APP)
echo
echo "== Idle (nothing due) for ${IDLE}s with $OPEN pending timers"
awk -v d=$((pg1 - pg0)) -v t=$TICKS -v s=$IDLE 'BEGIN {printf "PostgreSQL backends of the application: %.2f%% of one core\n", 100 * d / t / s}'
awk -v d=$((app1 - app0)) -v t=$TICKS -v s=$IDLE 'BEGIN {printf "Application (JVM, all threads):          %.2f%% of one core\n", 100 * d / t / s}'

echo
echo "== 1,000 timers falling due within the next 60 s"
$PSQL -d $DB <<SQL
update sla_clocks set warn_at = due_at, due_at = current_timestamp + (random() * interval '60 seconds')
where id in (select id from sla_clocks order by id limit 1000);
SQL
sleep 75
$PSQL -d $DB <<SQL
select 'breached: ' || count(*) || ' of 1000' from sla_clocks where id in (select id from sla_clocks order by id limit 1000) and breached_at is not null;
select 'lag p50: ' || round(extract(epoch from percentile_cont(0.5) within group (order by breached_at - due_at))::numeric, 2) || ' s, '
    || 'p99: ' || round(extract(epoch from percentile_cont(0.99) within group (order by breached_at - due_at))::numeric, 2) || ' s, '
    || 'max: ' || round(extract(epoch from max(breached_at - due_at))::numeric, 2) || ' s'
from sla_clocks where breached_at is not null;
SQL
kill $APP; wait $APP 2>/dev/null || true
$PSQL -d postgres -c "drop database if exists $DB with (force)"
