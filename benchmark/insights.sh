#!/usr/bin/env bash
# Insights at scale: seeds PostgreSQL by SQL with the insights' facts of 1,000,000 cases over
# a year (as the refresh keeps them; a remedy on one case in three, a promise on each agreement,
# a recovery survey after every other close), 200,000 customers, 5 teams and 2,000,000 business
# events, starts the packaged application, and prints: the recovery summary (and a breakdown),
# retention, goodwill, causes, what-recovers, wins, lessons, proactive, promises, satisfaction and
# two drill-downs (the cases behind a figure) at 1 and 4 clients (p50/p99), the console's Insights
# page and its sections signed in like a browser, the CSV export of every case (rows/s), and the
# application's resident memory before and after the export.
# Usage: benchmark/insights.sh [seconds=20] [warm-up-seconds=10]
# JAR=path picks another build; KEEP_DB=1 keeps the database afterwards; REUSE_DB=1 runs on the
# database a KEEP_DB=1 run left (no seeding; for longer or before/after runs).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_MEASURED=${1:-20}
WARMUP=${2:-10}
[ -z "${REUSE_DB:-}" ] || KEEP_DB=1
DB=redress_bench_insights
PORT=18091
JAR=${JAR:-target/redress-0.1.0-SNAPSHOT.jar}
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q -At"
BASE="http://127.0.0.1:$PORT"
ADMIN=bench@example.com
PASSWORD=bench-password-1

[ -f "$JAR" ] || ./mvnw -q -B package -DskipTests
[ -n "${REUSE_DB:-}" ] || $PSQL -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"
REDRESS_DATABASE_URL="jdbc:postgresql://127.0.0.1:5432/$DB" REDRESS_DATABASE_USER=postgres \
REDRESS_ADMIN_EMAIL=$ADMIN REDRESS_ADMIN_PASSWORD=$PASSWORD PORT=$PORT \
  "${JAVA:-java}" ${BENCH_JAVA_OPTS:-} -jar "$JAR" > target/benchmark-insights-app.log 2>&1 &
APP=$!
cleanup() {
  kill $APP 2>/dev/null || true
  [ -n "${KEEP_DB:-}" ] || $PSQL -d postgres -c "drop database if exists $DB with (force)" || true
}
trap cleanup EXIT
for _ in $(seq 1 180); do curl -sf "$BASE/actuator/health" >/dev/null && break; sleep 1; done
TOKEN=$(curl -sf -u $ADMIN:$PASSWORD -H 'Content-Type: application/json' -d '{"name":"benchmark"}' \
  "$BASE/api/v1/tokens" | sed -E 's/.*"secret":"([^"]+)".*/\1/')

if [ -z "${REUSE_DB:-}" ]; then
echo "Seeding the facts of 1,000,000 cases, 200,000 customers, 2,000,000 business events"
start=$(date +%s)
$PSQL -d $DB <<'SQL'
-- The refresh leaves the seeded history alone: it is seeded as the refresh would have written it.
update insight_refresh set changed_since = current_timestamp, after_case_id = 0, refreshed_at = current_timestamp;
insert into teams (name) select 'Bench team ' || n from generate_series(1, 5) as n;
-- Half of them with a lifetime value known (as a shop system sends it).
insert into customers (external_ref, email, name, tier, lifetime_value, currency, created_at, updated_at, version)
  select 'CUST-' || n, 'customer' || n || '@example.com', 'Customer ' || n, 'standard',
         case when n % 2 = 0 then 100 + n % 900 end, case when n % 2 = 0 then 'EUR' end, current_timestamp, current_timestamp, 1
  from generate_series(1, 200000) as n;
-- A case every 30 s over the last year; the newest 50,000 open. Acknowledged within 0-4 h,
-- agreed within a day or two, fulfilled within a few days; one in four not recovered.
insert into insight_case_facts (case_id, customer_id, team_id, assignee_id, category, channel, severity, opened_at,
    acknowledged_at, agreed_at, fulfilled_at, closed_at, outcome, close_reason, seconds_to_acknowledge, seconds_to_agree,
    seconds_to_fulfil, acknowledge_sla, resolve_sla, fulfil_sla, promises_on_time, promises_late, promises_broken, refreshed_at,
    apologized, root_cause, responsibility)
select n, c0 + (n::bigint * 7919) % 200000, t0 + n % 5, null,
       (array['delivery','product-quality','billing','service','wait-time','outage','other'])[1 + n % 7],
       (array['EMAIL','PHONE','WEB','CHAT','SOCIAL'])[1 + n % 5], 1 + n % 4, opened,
       opened + (n % 240) * interval '1 minute',
       case when n <= 950000 then opened + (n % 48) * interval '1 hour' end,
       case when n <= 950000 then opened + (n % 96) * interval '1 hour' end,
       case when n <= 950000 then opened + interval '5 days' end,
       case when n > 950000 then null when n % 4 = 0 then 'NOT_RECOVERED' else 'RECOVERED' end, null,
       (n % 240) * 60, case when n <= 950000 then (n % 48) * 3600 end, case when n <= 950000 then (n % 96) * 3600 end,
       case when n % 240 < 200 then 'ON_TIME' else 'LATE' end,
       case when n > 950000 then null when n % 48 < 40 then 'ON_TIME' else 'LATE' end,
       case when n > 950000 then null when n % 96 < 80 then 'ON_TIME' else 'LATE' end,
       case when n <= 950000 then 1 else 0 end, 0, case when n % 50 = 0 then 1 else 0 end, current_timestamp,
       n % 3 <> 0,
       (array['carrier-delay','warehouse-error','product-defect','pricing-error','staff-behaviour','process-gap',
              'understaffing','system-failure','communication','third-party','customer-misunderstanding'])[1 + (n * 7) % 11],
       (array['OURS','OURS','PARTLY_OURS','NOT_OURS'])[1 + n % 4]
from (select n, current_timestamp - (1000000 - n) * interval '30 seconds' as opened
      from generate_series(1, 1000000) as n) s,
     (select min(id) as t0 from teams) t, (select min(id) as c0 from customers) c;
-- A remedy on one case in three, delivered a day after opening.
insert into insight_remedy_facts (remedy_id, case_id, customer_id, team_id, remedy_type, amount_minor, currency, state,
    proposed_by_id, proposed_by_name, granted_by_id, created_at, granted_at, approval_asked, seconds_to_decide, refreshed_at)
select case_id, case_id, customer_id, team_id, 'goodwill', 1000 + (case_id % 5) * 1000, 'EUR', 'FULFILLED', null, 'Agent', null,
       opened_at + interval '1 day', opened_at + interval '1 day', false, null, current_timestamp
from insight_case_facts where case_id % 3 = 0;
-- Ten business events per customer over the year, mostly orders, already processed.
insert into business_events (event_id, type, customer_ref, occurred_at, attributes, received_at, processed_at)
select 'ev-' || n, (array['ORDER_PLACED','ORDER_PLACED','ORDER_PLACED','SERVICE_VISIT','DELIVERED'])[1 + n % 5],
       'CUST-' || (1 + (n::bigint * 48271) % 200000), current_timestamp - ((n::bigint * 7919) % 31536000) * interval '1 second', null,
       current_timestamp, current_timestamp
from generate_series(1, 2000000) as n;
-- A recovery survey sent after every other closed case and answered two times in five (mostly
-- content, a comment on one in ten), and an ordinary survey after orders answered by one
-- customer in ten months before, for the before/after pairs.
insert into surveys (name, kind, question, comment_prompt, purpose, trigger_events, sample_percent, quiet_days,
    case_threshold, category, language, active, created_at, updated_at)
values ('Bench recovery', 'CSAT', 'How did we do?', null, 'RECOVERY', '', 100, 0, null, 'service', 'en', true,
        current_timestamp, current_timestamp),
       ('Bench orders', 'CSAT', 'How was your order?', null, 'AFTER_EVENTS', 'ORDER_PLACED', 10, 30, 2, 'delivery', 'en',
        true, current_timestamp, current_timestamp);
insert into survey_invitations (survey_id, customer_id, case_id, trigger_key, token_hash, sent_to, sent_at, expires_at,
    answered_at, score, comment, negative)
select s.id, f.customer_id, f.case_id, 'case-' || f.case_id, 'bench-recovery-' || f.case_id, 'customer@example.com',
       f.closed_at, f.closed_at + interval '14 days',
       case when f.case_id % 5 < 2 then f.closed_at + interval '1 day' end,
       case when f.case_id % 5 < 2 then (array[5, 4, 5, 3, 1])[1 + (f.case_id / 10) % 5] end,
       case when f.case_id % 10 = 0 then 'Thank you for sorting it out' end,
       case when f.case_id % 5 < 2 then false end
from insight_case_facts f, (select id from surveys where name = 'Bench recovery') s
where f.closed_at is not null and f.case_id % 2 = 0;
insert into survey_invitations (survey_id, customer_id, case_id, trigger_key, token_hash, sent_to, sent_at, expires_at,
    answered_at, score, comment, negative)
select s.id, c.id, null, 'order-' || c.id, 'bench-order-' || c.id, 'customer@example.com',
       current_timestamp - interval '400 days', current_timestamp - interval '386 days',
       current_timestamp - interval '399 days', 1 + c.id % 5, null, false
from customers c, (select id from surveys where name = 'Bench orders') s
where c.id % 10 = 1;
-- The recovery invitations as the refresh keeps them beside the facts (insight_survey_facts).
insert into insight_survey_facts (invitation_id, case_id, kind, answered, score, satisfied, unhappy, before_score, closed_at,
    outcome, team_id)
select i.id, i.case_id, s.kind, i.answered_at is not null, i.score, coalesce(i.score >= 4, false), coalesce(i.score <= 2, false),
       case when i.score is not null then (select b.score from survey_invitations b join surveys bs on bs.id = b.survey_id
         where b.customer_id = i.customer_id and bs.purpose = 'AFTER_EVENTS' and bs.kind = s.kind
           and b.score is not null and b.answered_at < f.opened_at order by b.answered_at desc fetch first 1 row only) end,
       f.closed_at, f.outcome, f.team_id
from survey_invitations i join surveys s on s.id = i.survey_id join insight_case_facts f on f.case_id = i.case_id
where s.purpose = 'RECOVERY';
-- A promise on every case with an agreement, due three days after opening: kept, kept late one
-- time in ten, broken one time in fifty, open while the case is.
insert into promises (case_id, description, source, due_at, owner_id, owner_name, status, made_at, made_by_name, settled_at)
select case_id, 'Refund within three days', 'REMEDY', opened_at + interval '3 days', null, 'Agent ' || (case_id % 40),
       case when closed_at is null then 'OPEN' when case_id % 50 = 0 then 'BROKEN' else 'KEPT' end,
       opened_at + interval '1 hour', 'Agent',
       case when closed_at is not null and case_id % 50 <> 0 then opened_at + interval '2 days' + (case_id % 10 = 0)::int * interval '2 days' end
from insight_case_facts where agreed_at is not null;
-- The promises as the refresh keeps them beside the facts (insight_promise_facts).
insert into insight_promise_facts (promise_id, case_id, team_id, owner_name, due_at, status, on_time)
select p.id, p.case_id, f.team_id, p.owner_name, p.due_at, p.status, coalesce(p.status = 'KEPT' and p.settled_at <= p.due_at, false)
from promises p join insight_case_facts f on f.case_id = p.case_id;
update insight_refresh set events_after_id = (select max(id) from business_events);
SQL
echo "Seeded in $(( $(date +%s) - start )) s"
start=$(date +%s)
# Each closed case's first activity after its close, whether it recurs, whether a remedy was given (one case in
# three, as seeded) and whether the customer confirmed the recovery, as the refresh computes them.
$PSQL -d $DB -c "vacuum analyze business_events" -c "vacuum analyze customers" -c "
  update insight_case_facts f set active_again_at = (select min(e.occurred_at) from business_events e
    where e.customer_ref = 'CUST-' || (f.customer_id - (select min(id) from customers) + 1)
      and e.type in ('ORDER_PLACED', 'SERVICE_VISIT') and e.occurred_at > f.closed_at)
  where f.closed_at is not null" -c "
  update insight_case_facts set seconds_to_again = cast(ceil(extract(epoch from active_again_at) - extract(epoch from closed_at)) as bigint)
  where active_again_at is not null" -c "
  update insight_case_facts f set recurring = true where exists (select 1 from insight_case_facts p
    where p.customer_id = f.customer_id and p.root_cause = f.root_cause and p.case_id <> f.case_id
      and p.opened_at <= f.opened_at and p.opened_at >= f.opened_at - interval '90' day)" \
  -c "update insight_case_facts f set remedied = true where case_id % 3 = 0" \
  -c "update insight_case_facts f set confirmed = true where exists (select 1 from survey_invitations i
    join surveys s on s.id = i.survey_id where i.case_id = f.case_id and s.purpose = 'RECOVERY' and i.score >= 4)" \
  -c "vacuum analyze insight_case_facts" -c "vacuum analyze insight_remedy_facts" -c "vacuum analyze survey_invitations" \
  -c "vacuum analyze promises" -c "vacuum analyze insight_survey_facts" -c "vacuum analyze insight_promise_facts"
echo "Retention facts and statistics in $(( $(date +%s) - start )) s"
# The seed wrote the facts behind the refresh's back: have it count the daily figures and build
# retention's activity of all of them, as after an upgrade, and wait for that (the refresh runs every 30 s).
start=$(date +%s)
$PSQL -d $DB -c "update insight_refresh set daily_zone = null, activity_counted = false"
until [ "$($PSQL -d $DB -c "select daily_zone is not null and activity_counted from insight_refresh")" = t ]; do sleep 1; done
echo "Daily figures of every day counted and retention's activity built $(( $(date +%s) - start )) s later (up to 30 s of it waiting for the refresh): \
$($PSQL -d $DB -c "select count(*) from insight_daily") rows, \
$($PSQL -d $DB -c "select pg_size_pretty(pg_total_relation_size('insight_daily'))"), the application's resident memory $(ps -o rss= -p $APP | awk '{printf "%.0f MB", $1/1024}')"
echo "Retention's activity: $($PSQL -d $DB -c "select count(*) from insight_activity") rows, \
$($PSQL -d $DB -c "select pg_size_pretty(pg_total_relation_size('insight_activity'))")"
$PSQL -d $DB -c "vacuum analyze insight_daily" -c "vacuum analyze insight_activity" -c "vacuum analyze insight_case_facts"
fi

TEAM=$($PSQL -d $DB -c "select min(id) from teams")
TODAY=$(date -u +%F)
M30=$(date -u -d '29 days ago' +%F); M90=$(date -u -d '89 days ago' +%F)
OLD_FROM=$(date -u -d '240 days ago' +%F); OLD_TO=$(date -u -d '211 days ago' +%F)
PATHS=("/api/v1/insights/summary" "/api/v1/insights/summary?from=$M90&to=$TODAY" "/api/v1/insights/summary?team=$TEAM"
       "/api/v1/insights/retention" "/api/v1/insights/retention?from=$OLD_FROM&to=$OLD_TO"
       "/api/v1/insights/goodwill" "/api/v1/insights/causes" "/api/v1/insights/what-recovers"
       "/api/v1/insights/what-recovers?from=$OLD_FROM&to=$OLD_TO" "/api/v1/insights/summary?by=category"
       "/api/v1/insights/wins" "/api/v1/insights/lessons" "/api/v1/insights/proactive" "/api/v1/insights/promises"
       "/api/v1/insights/satisfaction"
       "/api/v1/insights/cases?counted=closed&outcome=recovered&cause=carrier-delay"
       "/api/v1/insights/cases?counted=closed&outcome=either&firstAnswer=within-an-hour&apology=true&remedy=true")
for clients in 1 4; do
  echo; echo "== ${clients} client(s), ${SECONDS_MEASURED}s after ${WARMUP}s of warm-up"
  "${JAVA:-java}" benchmark/ApiLoad.java "$BASE" "$TOKEN" $clients "$SECONDS_MEASURED" "$WARMUP" "${PATHS[@]}"
done

# The console: the Insights page (the summary) and the sections htmx loads into it, signed in like a browser.
for clients in 1 4; do
  echo; echo "== Console, ${clients} signed-in user(s), ${SECONDS_MEASURED}s after ${WARMUP}s of warm-up"
  "${JAVA:-java}" -Dinsights=1 benchmark/QueueLoad.java "$BASE" "$SECONDS_MEASURED" "$WARMUP" "$PASSWORD" /dev/null \
    $(for _ in $(seq 1 $clients); do echo $ADMIN; done)
done

echo; echo "== CSV export of every case of the year (a period of 366 days)"
echo "Resident memory before: $(ps -o rss= -p $APP | awk '{printf "%.0f MB", $1/1024}')"
FROM=$(date -u -d '366 days ago' +%F)
for run in 1 2; do
  read -r took bytes < <(curl -sf -H "Authorization: Bearer $TOKEN" -o target/benchmark-insights-export.csv \
    -w '%{time_total} %{size_download}\n' "$BASE/api/v1/insights/cases.csv?from=$FROM&to=$TODAY")
  rows=$(( $(wc -l < target/benchmark-insights-export.csv) - 1 ))
  echo "Run $run: $rows rows, $(( bytes / 1048576 )) MB in ${took} s: $(awk -v r=$rows -v t=$took 'BEGIN {printf "%.0f", r / t}') rows/s"
done
echo "Resident memory after: $(ps -o rss= -p $APP | awk '{printf "%.0f MB", $1/1024}')"
rm -f target/benchmark-insights-export.csv
