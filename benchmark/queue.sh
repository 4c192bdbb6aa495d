#!/usr/bin/env bash
# The console's queue and case page at scale: seeds 1,000,000 cases (50,000 open), 200,000
# customers, 5 teams and 50 agents in PostgreSQL by SQL, starts the packaged application,
# signs 4 people in through the console's form like a browser and has them request the queue
# pages, case pages and customer search in a closed loop; prints p50/p90/p99 per page. Runs twice: 4 agents of
# one team (their scope: the team, the shared inbox and their own cases), then 4 sessions of
# an admin (every case).
# Usage: benchmark/queue.sh [seconds=30] [warm-up-seconds=30]
# JAR=path picks another build (e.g. an older commit's, for a before/after); KEEP_DB=1 keeps
# the database afterwards; PAGES=REGEX requests only the pages whose name matches (e.g. 'Case page',
# to profile one page alone); REUSE_DB=1 runs on the database a KEEP_DB=1 run left (no seeding:
# interleaved before/after runs then read the same rows); NEW_CUSTOMERS=N adds that many
# customers after the vacuum, as intake does between two runs of autovacuum.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_MEASURED=${1:-30}
WARMUP=${2:-30}
DB=redress_bench_queue
PORT=18090
JAR=${JAR:-target/redress-0.1.0-SNAPSHOT.jar}
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q -At"
BASE="http://127.0.0.1:$PORT"
ADMIN=bench@example.com
PASSWORD=bench-password-1

[ -f "$JAR" ] || ./mvnw -q -B package -DskipTests
if [ -n "${REUSE_DB:-}" ]; then
  KEEP_DB=1
else
  $PSQL -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"
fi

# Tomcat's access log gives the server's time of each measured request (QueueLoad reads it).
ACCESS_LOG="$PWD/target/benchmark-queue-access.log"
rm -f "$ACCESS_LOG"
REDRESS_DATABASE_URL="jdbc:postgresql://127.0.0.1:5432/$DB" REDRESS_DATABASE_USER=postgres \
REDRESS_ADMIN_EMAIL=$ADMIN REDRESS_ADMIN_PASSWORD=$PASSWORD PORT=$PORT \
  "${JAVA:-java}" ${BENCH_JAVA_OPTS:-} -jar "$JAR" --server.tomcat.accesslog.enabled=true \
    --server.tomcat.accesslog.directory="$PWD/target" --server.tomcat.accesslog.prefix=benchmark-queue-access \
    --server.tomcat.accesslog.suffix=.log --server.tomcat.accesslog.rotate=false \
    '--server.tomcat.accesslog.pattern=%{X-Bench-Run}i %{X-Bench-Page}i %{us}T' > target/benchmark-queue-app.log 2>&1 &
APP=$!
cleanup() {
  kill $APP 2>/dev/null || true
  [ -n "${KEEP_DB:-}" ] || $PSQL -d postgres -c "drop database if exists $DB with (force)" || true
}
trap cleanup EXIT
for _ in $(seq 1 180); do curl -sf "$BASE/actuator/health" >/dev/null && break; sleep 1; done

if [ -z "${REUSE_DB:-}" ]; then
# Teams, and the four agents who sign in (through the API, so their passwords are hashed as usual).
$PSQL -d $DB -c "insert into teams (name) select 'Bench team ' || n from generate_series(1, 5) as n"
TEAM=$($PSQL -d $DB -c "select min(id) from teams")
AGENTS=()
for n in 1 2 3 4; do
  curl -sf -u $ADMIN:$PASSWORD -H 'Content-Type: application/json' -o /dev/null \
    -d "{\"email\":\"bench-agent-$n@example.com\",\"name\":\"Bench agent $n\",\"password\":\"$PASSWORD\",\"role\":\"agent\",\"teamId\":$TEAM}" \
    "$BASE/api/v1/users"
  AGENTS+=("bench-agent-$n@example.com")
done

echo "Seeding 1,000,000 cases (50,000 open), 200,000 customers, 50 agents"
# The insights' refresh reads cases changed after its mark: an hour ahead while seeding, so that
# it leaves the seeded cases to the seed below instead of racing it for them (put back after).
[ -z "$($PSQL -d $DB -c "select to_regclass('insight_refresh')")" ] || \
  $PSQL -d $DB -c "update insight_refresh set changed_since = current_timestamp + interval '1 hour', after_case_id = 0"
start=$(date +%s)
$PSQL -d $DB <<'SQL'
-- 46 more agents, spread over the five teams (no password: they do not sign in here).
insert into users (email, name, role, team_id)
  select 'agent-' || n || '@bench.example', 'Agent ' || n, 'AGENT', (select min(id) from teams) + n % 5
  from generate_series(1, 46) as n;
insert into customers (external_ref, email, name, tier, created_at, updated_at, version)
  select 'CUST-' || n, 'customer' || n || '@example.com', 'Customer ' || n,
         case when n % 10 = 0 then 'gold' else 'standard' end, current_timestamp, current_timestamp, 1
  from generate_series(1, 200000) as n;
-- The newest 50,000 cases are open; one in six has no team (the shared inbox); seven in ten
-- of the others are held by an agent of their team. One case every 30 s over a year.
insert into recovery_cases (customer_id, channel, category, severity, subject, status, outcome, assignee_id, team_id,
                            opened_at, updated_at, closed_at, version)
select m.c0 + (m.n::bigint * 7919) % 200000,
       (array['EMAIL','PHONE','WEB','CHAT','SOCIAL'])[1 + m.n % 5],
       (array['delivery','product-quality','billing','service','wait-time','outage','other'])[1 + m.n % 7],
       1 + m.n % 4, 'Complaint number ' || m.n,
       case when m.n > 950000 then (array['NEW','NEW','IN_PROGRESS','RESOLUTION_AGREED','FULFILLED'])[1 + m.n % 5] else 'CLOSED' end,
       case when m.n > 950000 then null when m.n % 4 = 0 then 'NOT_RECOVERED' else 'RECOVERED' end,
       case when m.team_id is null or m.n % 10 < 3 then null else a.ids[1 + (m.n / 7) % array_length(a.ids, 1)] end,
       m.team_id, m.opened, m.opened,
       case when m.n > 950000 then null else m.opened + interval '2 days' end, 1
from (select n, case when n % 6 = 0 then null else t.t0 + n % 5 end as team_id, c.c0,
             current_timestamp - (1000000 - n) * interval '30 seconds' as opened
      from generate_series(1, 1000000) as n,
           (select min(id) as t0 from teams) t, (select min(id) as c0 from customers) c) m
left join (select team_id, array_agg(id order by id) as ids from users where role = 'AGENT' group by team_id) a
  on a.team_id = m.team_id;
-- Clocks: closed cases met their acknowledge and resolve targets; each open case has its
-- current target running, due between two days ago and five days ahead (warned two hours before).
insert into sla_clocks (case_id, target, policy_id, started_at, warn_at, due_at, met_at)
  select id, 'ACKNOWLEDGE', 1, opened_at, opened_at + interval '3 hours', opened_at + interval '4 hours', opened_at + interval '1 hour'
  from recovery_cases where status <> 'NEW';
insert into sla_clocks (case_id, target, policy_id, started_at, warn_at, due_at, met_at)
  select id, 'RESOLVE', 1, opened_at, opened_at + interval '36 hours', opened_at + interval '48 hours', opened_at + interval '1 day'
  from recovery_cases where status = 'CLOSED';
-- The clocks past their warning or due time were warned and marked missed when it came (the
-- steady state of a running system), so the timers do not spend the run catching up on 15,000.
insert into sla_clocks (case_id, target, policy_id, started_at, warn_at, due_at, warned_at, breached_at)
  select id, t.target, 1, opened_at, t.warn, t.due,
         case when t.warn <= current_timestamp then t.warn end, case when t.due <= current_timestamp then t.due end
  from recovery_cases c,
       lateral (select case c.status when 'NEW' then 'ACKNOWLEDGE' when 'IN_PROGRESS' then 'RESOLVE'
                                     when 'RESOLUTION_AGREED' then 'FULFIL' else 'FOLLOW_UP' end as target,
                       current_timestamp - interval '2 days' + ((c.id * 7907) % 604800) * interval '1 second' as due) d,
       lateral (select d.target, d.due,
                       d.due - (case when d.target = 'FOLLOW_UP' then interval '0 hours' else interval '2 hours' end) as warn) t
  where c.status <> 'CLOSED';
insert into case_steps (recovery_case, step, done_at, done_by_name)
  select id, 'ACKNOWLEDGE', opened_at + interval '1 hour', 'Agent' from recovery_cases where status <> 'NEW';
insert into case_messages (case_id, direction, channel, author, subject, body, received_at)
  select id, 'INBOUND', channel, 'Customer', subject, 'The parcel arrived broken and nobody answered my first email.', opened_at
  from recovery_cases;
insert into case_timeline (case_id, occurred_at, actor_name, kind, summary)
  select id, opened_at, 'Redress', 'opened', 'Complaint received by ' || lower(channel) from recovery_cases;
insert into case_timeline (case_id, occurred_at, actor_name, kind, summary)
  select id, closed_at, 'Agent', 'closed', 'Closed as ' || lower(outcome) from recovery_cases where status = 'CLOSED';
SQL
# The queue's read model, where the build has one (an older build has not; one a little newer
# has no copy of the case's filing in it).
RUNNING="k.met_at is null and k.stopped_at is null and k.paused_at is null"
if [ -n "$($PSQL -d $DB -c "select 1 from information_schema.columns where table_name = 'sla_queue' and column_name = 'team_id'")" ]; then
  $PSQL -d $DB -c "insert into sla_queue (case_id, due_at, warn_at, team_id, assignee_id, severity, status, category, channel, opened_at)
    select c.id, min(k.due_at) filter (where $RUNNING), min(k.warn_at) filter (where $RUNNING),
           c.team_id, c.assignee_id, c.severity, c.status, c.category, c.channel, c.opened_at
    from recovery_cases c left join sla_clocks k on k.case_id = c.id where c.status <> 'CLOSED' group by c.id"
elif [ -n "$($PSQL -d $DB -c "select to_regclass('sla_queue')")" ]; then
  $PSQL -d $DB -c "insert into sla_queue (case_id, due_at, warn_at)
    select c.id, min(k.due_at) filter (where $RUNNING), min(k.warn_at) filter (where $RUNNING)
    from recovery_cases c left join sla_clocks k on k.case_id = c.id where c.status <> 'CLOSED' group by c.id"
fi
# The insights' facts, up to date as the refresh keeps them (where the build has them), so it
# does not spend the run catching up on a million cases.
if [ -n "$($PSQL -d $DB -c "select to_regclass('insight_case_facts')")" ]; then
  $PSQL -d $DB -c "insert into insight_case_facts (case_id, customer_id, team_id, assignee_id, category, channel, severity,
      opened_at, acknowledged_at, closed_at, outcome, seconds_to_acknowledge, promises_on_time, promises_late,
      promises_broken, refreshed_at)
    select c.id, c.customer_id, c.team_id, c.assignee_id, c.category, c.channel, c.severity, c.opened_at, s.done_at,
           c.closed_at, c.outcome, cast(extract(epoch from (s.done_at - c.opened_at)) as bigint), 0, 0, 0, current_timestamp
    from recovery_cases c left join case_steps s on s.recovery_case = c.id and s.step = 'ACKNOWLEDGE'
    on conflict (case_id) do nothing" \
    -c "update insight_refresh set changed_since = current_timestamp, after_case_id = 0"
fi
# Risk rows as business events keep them (every customer active; one in ten with a late
# delivery in the last 60 days, scored 10 to 29), so the iceberg on a supervisor's queue page
# counts over 200,000 customers and reads the signals of the silent ones at risk.
$PSQL -d $DB <<'SQL'
insert into customer_risk (customer_id, score, scored_at, last_negative_at, complained_at, first_activity_at,
                           last_activity_at, activity_count)
select c.id, case when c.id % 10 = 0 then 10 + c.id % 20 else 0 end, current_timestamp - interval '1 day',
       case when c.id % 10 = 0 then current_timestamp - make_interval(days => (c.id % 60)::int) end,
       (select max(opened_at) from recovery_cases rc where rc.customer_id = c.id),
       current_timestamp - interval '400 days', current_timestamp - make_interval(days => (c.id % 90)::int), 5 + c.id % 20
from customers c
on conflict (customer_id) do nothing;
insert into risk_signals (customer_id, kind, amount, as_of, occurrences, last_reason, last_at)
select customer_id, 'LATE_DELIVERY', score, last_negative_at, 1, 'Delivery late', last_negative_at
from customer_risk where last_negative_at is not null
on conflict do nothing;
SQL
echo "Seeded in $(( $(date +%s) - start )) s: $($PSQL -d $DB -c "select count(*) || ' cases, ' || count(*) filter (where status <> 'CLOSED') || ' open' from recovery_cases")"
# Statistics for the planner, and the visibility map for index-only scans: every table, as a
# running system has them. (Vacuuming only the queue's tables left autovacuum to work through
# the millions of freshly inserted steps, messages and timeline lines during the first run.)
start=$(date +%s)
$PSQL -d $DB -c "vacuum analyze"
echo "Vacuumed and analysed in $(( $(date +%s) - start )) s; load average now: $(cut -d' ' -f1-3 /proc/loadavg)"
else
  TEAM=$($PSQL -d $DB -c "select min(id) from teams")
  AGENTS=(bench-agent-1@example.com bench-agent-2@example.com bench-agent-3@example.com bench-agent-4@example.com)
  echo "Reusing the seeded database: $($PSQL -d $DB -c "select count(*) || ' cases, ' || count(*) filter (where status <> 'CLOSED') || ' open' from recovery_cases")"
fi
# NEW_CUSTOMERS=N customers arrive after the vacuum, as intake adds them between two runs of
# autovacuum: their entries wait in the trigram indexes' lists of new entries, which every
# customer search reads.
if [ "${NEW_CUSTOMERS:-0}" -gt 0 ]; then
  ARRIVAL=$(date +%s)
  $PSQL -d $DB -c "insert into customers (external_ref, email, name, tier, created_at, updated_at, version)
    select 'ARRIVED-$ARRIVAL-' || n, 'arrival.$ARRIVAL.' || n || '@example.net', 'Arrival ' || n, 'standard',
           current_timestamp, current_timestamp, 1
    from generate_series(1, ${NEW_CUSTOMERS}) as n"
  echo "$NEW_CUSTOMERS customers arrived since the vacuum"
fi

PAGE_ARGS=()
[ -z "${PAGES:-}" ] || PAGE_ARGS=("-Dpages=$PAGES")
# Case pages: open cases the agents may open (their team's and the shared inbox).
CASES=$(mktemp)
$PSQL -d $DB -c "select id from recovery_cases where status <> 'CLOSED' and (team_id = $TEAM or team_id is null) order by random() limit 2000" > "$CASES"

# CPU time (ms) of a process, and of every PostgreSQL process together: what a request costs,
# whatever else the machine does meanwhile.
cpu_ms() { awk '{ print ($14 + $15) * 10 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
pg_cpu_ms() { local total=0; for p in $(pgrep -x postgres); do total=$((total + $(cpu_ms "$p"))); done; echo $total; }
run() {
  local who=$1; shift
  echo; echo "== $who, ${SECONDS_MEASURED}s after ${WARMUP}s of warm-up"
  local app0 pg0 requests0 requests1
  app0=$(cpu_ms $APP); pg0=$(pg_cpu_ms); requests0=$(wc -l < "$ACCESS_LOG" 2>/dev/null || echo 0)
  "${JAVA:-java}" -Daccess.log="$ACCESS_LOG" -Dsupervisors="${SUPERVISORS:-}" "${PAGE_ARGS[@]}" benchmark/QueueLoad.java "$BASE" "$SECONDS_MEASURED" "$WARMUP" "$PASSWORD" "$CASES" "$@"
  requests1=$(wc -l < "$ACCESS_LOG")
  awk -v app=$(( $(cpu_ms $APP) - app0 )) -v pg=$(( $(pg_cpu_ms) - pg0 )) -v n=$(( requests1 - requests0 )) \
    'BEGIN { printf "CPU per request (warm-up and sign-in included, %d requests): application %.2f ms, PostgreSQL %.2f ms\n", n, app / n, pg / n }'
}
run "4 agents of one team" "${AGENTS[@]}"
SUPERVISORS=1 run "4 sessions of an admin (every case)" $ADMIN $ADMIN $ADMIN $ADMIN
echo "Resident memory of the application: $(ps -o rss= -p $APP | awk '{printf "%.0f MB", $1/1024}')"
rm -f "$CASES"
