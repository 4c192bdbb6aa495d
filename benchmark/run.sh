#!/usr/bin/env bash
# Measures intake throughput and latency of the packaged application on PostgreSQL at
# 1, 4 and 16 clients, then PostgreSQL's own ceiling for an equivalent transaction with
# pgbench, on the same machine. Usage: benchmark/run.sh [seconds-per-level=20]
# JAVA=/path/to/java picks the runtime; BENCH_JAVA_OPTS adds JVM options; BENCH_CLIENTS=1,4,16
# sets the client levels (the first ones also warm the JIT up); JAR=path runs another build (e.g. an
# older commit's, for a before/after); SKIP_PGBENCH=1 leaves the ceiling out; BENCH_WARMUP=120 first
# runs 4 clients for that many seconds, unmeasured, so that the JIT compiler has done its work
# (on two cores it takes one of them for a minute or more after a start). BENCH_CUSTOMERS=300000 first
# inserts that many customers by SQL (then vacuums them), so that intake meets the indexes of a
# business with a history instead of an empty table (random names, emails and references, whose
# trigrams are as varied as the load's own).
# BENCH_ANALYZE_EVERY=60 analyzes the database that often while it runs when the server has autovacuum
# off (0: never; see below). Every measured level, the application's and each pgbench script's,
# starts right after a checkpoint, so that all meet the same point of PostgreSQL's checkpoint
# cycle (BENCH_CHECKPOINTS=0: no checkpoints, as before 2026-12-05).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_LEVEL=${1:-20}
DB=redress_bench
PORT=18080
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"

JAR=${JAR:-target/redress-0.1.0-SNAPSHOT.jar}
[ -f "$JAR" ] || ./mvnw -q -B package -DskipTests
$PSQL -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"

echo "Starting Redress on PostgreSQL ($DB), port $PORT"
REDRESS_DATABASE_URL="jdbc:postgresql://127.0.0.1:5432/$DB" REDRESS_DATABASE_USER=postgres \
REDRESS_ADMIN_EMAIL=bench@example.com REDRESS_ADMIN_PASSWORD=bench-password-1 PORT=$PORT \
  "${JAVA:-java}" ${BENCH_JAVA_OPTS:-} -jar "$JAR" > target/benchmark-app.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && break; sleep 1; done
# PostgreSQL's autovacuum analyzes tables as they grow, and the plans made before (an estimate
# for a list of ids, a plan a connection keeps) are made again after. A server with autovacuum off
# (as this machine's is) would have a run measure plans made for empty tables, scanning them whole
# as they grow: BENCH_ANALYZE_EVERY=60 (the default there, autovacuum's own period; 0: never)
# analyzes the database that often in its place.
if [ "$($PSQL -At -d postgres -c 'show autovacuum')" = off ] && [ "${BENCH_ANALYZE_EVERY:-60}" -gt 0 ]; then
  echo "autovacuum is off: analyzing $DB every ${BENCH_ANALYZE_EVERY:-60}s in its place"
  ( while sleep "${BENCH_ANALYZE_EVERY:-60}"; do $PSQL -d $DB -c analyze 2>/dev/null || break; done ) &
  ANALYZER=$!
  trap 'kill $APP $ANALYZER 2>/dev/null || true' EXIT
fi
if [ "${BENCH_CUSTOMERS:-0}" -gt 0 ]; then
  echo "Inserting $BENCH_CUSTOMERS customers"
  $PSQL -d $DB -c "insert into customers (external_ref, email, name, tier, created_at, updated_at, version)
    select 'ref-' || md5('r' || n), md5('e' || n) || '@example.com', 'Customer ' || substr(md5('n' || n), 1, 10), 'standard',
           current_timestamp, current_timestamp, 1 from generate_series(1, $BENCH_CUSTOMERS) as n" -c "vacuum analyze customers"
fi
TOKEN=$(curl -sf -u bench@example.com:bench-password-1 -H 'Content-Type: application/json' \
  -d '{"name":"benchmark"}' "http://127.0.0.1:$PORT/api/v1/tokens" | sed -E 's/.*"secret":"([^"]+)".*/\1/')

if [ "${BENCH_WARMUP:-0}" -gt 0 ]; then
  echo "Warming up: 4 clients for ${BENCH_WARMUP}s, not measured"
  "${JAVA:-java}" benchmark/IntakeLoad.java "http://127.0.0.1:$PORT" "$TOKEN" 4 "$BENCH_WARMUP" 0 > /dev/null 2> target/benchmark-warm-up.txt
fi
# CPU time (ms) of a process, and of every PostgreSQL process together, to divide by the cases
# made: where the machine's time per intake goes (the application, PostgreSQL, the load generator).
cpu_ms() { awk '{ print ($14 + $15) * 10 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
# The whole machine's busy time (user, nice, system, irq, softirq; not idle or I/O wait), for
# pgbench, whose connections exit before they could be read one by one.
busy_ms() { awk '/^cpu / { print ($2 + $3 + $4 + $7 + $8) * 10 }' /proc/stat; }
pg_cpu_ms() { local total=0; for p in $(pgrep -x postgres); do total=$((total + $(cpu_ms "$p"))); done; echo $total; }
cases() { $PSQL -At -d $DB -c "select count(*) from recovery_cases"; }

echo; echo "== Redress: POST /api/v1/complaints (new customer + new case each), ${SECONDS_PER_LEVEL}s per level"
app0=$(cpu_ms $APP); pg0=$(pg_cpu_ms); busy0=$(busy_ms); cases0=$(cases)
CHECKPOINTS=()
[ "${BENCH_CHECKPOINTS:-1}" = 0 ] || CHECKPOINTS=(-Dcheckpoint.database=$DB)
"${JAVA:-java}" "${CHECKPOINTS[@]}" benchmark/IntakeLoad.java "http://127.0.0.1:$PORT" "$TOKEN" ${BENCH_CLIENTS:-1,4,16} \
  "$SECONDS_PER_LEVEL" 5 2> target/benchmark-load-generator.txt
awk -v app=$(( $(cpu_ms $APP) - app0 )) -v pg=$(( $(pg_cpu_ms) - pg0 )) -v busy=$(( $(busy_ms) - busy0 )) \
    -v n=$(( $(cases) - cases0 )) -v gen="$(sed -nE 's/^load-generator-cpu-ms ([0-9]+)/\1/p' target/benchmark-load-generator.txt)" \
  'BEGIN { printf "CPU per intake (every level, warm-ups included, %d cases): application %.2f ms, PostgreSQL %.2f ms, load generator %.2f ms; the machine %.2f ms\n", n, app / n, pg / n, gen / n, busy / n }'
echo "Resident memory of the application: $(ps -o rss= -p $APP | awk '{printf "%.0f MB", $1/1024}')"
kill $APP; wait $APP 2>/dev/null || true
[ -n "${ANALYZER:-}" ] && { kill $ANALYZER 2>/dev/null || true; }

if [ -n "${SKIP_PGBENCH:-}" ]; then $PSQL -d postgres -c "drop database if exists $DB with (force)"; exit 0; fi
echo; echo "== PostgreSQL ceiling: pgbench, ${SECONDS_PER_LEVEL}s per level: benchmark/intake.pgbench.sql (the minimal"
echo "   four-insert transaction, the reference), benchmark/intake-same-work.pgbench.sql (the application's own statements)"
echo "   and benchmark/intake-batched.pgbench.sql (the same work for as many complaints in flight, written two transactions"
echo "   at a time, each table by one statement: the ceiling of writing concurrent intakes together, ADR 18)"
printf "%-8s %14s %10s %16s %20s\n" clients "minimal tps" "latency ms" "same-work tps" "batched intakes/s"
checkpoint() { [ "${BENCH_CHECKPOINTS:-1}" = 0 ] || $PSQL -d $DB -c checkpoint; }
for clients in $(echo "${BENCH_CLIENTS:-1,4,16}" | tr ',' ' '); do
  threads=$(( clients < 2 ? clients : 2 ))
  checkpoint
  busy0=$(busy_ms)
  out=$( { time -p pgbench -h 127.0.0.1 -U postgres -n -f benchmark/intake.pgbench.sql -c "$clients" -j "$threads" -T "$SECONDS_PER_LEVEL" "$DB"; } 2>&1)
  busy=$(( $(busy_ms) - busy0 ))
  done_tx=$(echo "$out" | sed -nE 's/^number of transactions actually processed: ([0-9]+).*/\1/p')
  client_ms=$(echo "$out" | awk '/^(user|sys) / { s += $2 } END { printf "%d", s * 1000 }')
  minimal_cpu=$(awk -v b=$busy -v c=$client_ms -v n=$done_tx 'BEGIN { printf "%.2f ms (pgbench itself %.2f ms)", b / n, c / n }')
  tps=$(echo "$out" | sed -nE 's/^tps = ([0-9.]+).*/\1/p')
  lat=$(echo "$out" | sed -nE 's/^latency average = ([0-9.]+) ms/\1/p')
  checkpoint
  same=$(pgbench -h 127.0.0.1 -U postgres -n -M prepared -f benchmark/intake-same-work.pgbench.sql -c "$clients" -j "$threads" \
    -T "$SECONDS_PER_LEVEL" "$DB" 2>&1 | sed -nE 's/^tps = ([0-9.]+).*/\1/p')
  per_tx=$(( clients / threads ))
  checkpoint
  busy0=$(busy_ms)
  batched=$(pgbench -h 127.0.0.1 -U postgres -n -M prepared -D k=$per_tx -f benchmark/intake-batched.pgbench.sql -c "$threads" \
    -j "$threads" -T "$SECONDS_PER_LEVEL" "$DB" 2>&1 | sed -nE 's/^tps = ([0-9.]+).*/\1/p' | awk -v k=$per_tx '{ printf "%.1f", $1 * k }')
  batched_cpu=$(awk -v b=$(( $(busy_ms) - busy0 )) -v r="$batched" -v s=$SECONDS_PER_LEVEL 'BEGIN { if (r > 0) printf "%.2f", b / (r * s); else printf "n/a" }')
  printf "%-8s %14s %10s %16s %20s\n" "$clients" "$tps" "$lat" "$same" "$batched"
  echo "         The machine's busy time per minimal transaction: $minimal_cpu; per batched intake: $batched_cpu ms"
done
$PSQL -d postgres -c "drop database if exists $DB with (force)"
