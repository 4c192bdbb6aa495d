#!/usr/bin/env bash
# Outbox throughput: 10,000 messages committed to the outbox at once, sent by the packaged
# application to a local SMTP sink; reports messages per second and the delay from commit
# to the mail server taking each message (p50/p99). Usage: benchmark/outbox.sh [messages=10000]
# JAVA=/path/to/java picks the runtime.
set -euo pipefail
cd "$(dirname "$0")/.."
MESSAGES=${1:-10000}
DB=redress_outbox_bench
PORT=18082
SMTP_PORT=2525
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q -At"

[ -f target/redress-0.1.0-SNAPSHOT.jar ] || ./mvnw -q -B package -DskipTests
$PSQL -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"

# A local SMTP sink that accepts and discards every message (Python's smtpd, Debian 12).
python3 -W ignore -c "
import smtpd, asyncore
class Sink(smtpd.SMTPServer):
    def process_message(self, *args, **kwargs):
        return None
Sink(('127.0.0.1', $SMTP_PORT), None)
asyncore.loop()" &
SINK=$!

REDRESS_DATABASE_URL="jdbc:postgresql://127.0.0.1:5432/$DB" REDRESS_DATABASE_USER=postgres \
REDRESS_ADMIN_EMAIL=bench@example.com REDRESS_ADMIN_PASSWORD=bench-password-1 PORT=$PORT \
SPRING_MAIL_HOST=127.0.0.1 SPRING_MAIL_PORT=$SMTP_PORT \
  "${JAVA:-java}" -jar target/redress-0.1.0-SNAPSHOT.jar > target/benchmark-outbox-app.log 2>&1 &
APP=$!
trap 'kill $APP $SINK 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && break; sleep 1; done

echo "Committing $MESSAGES messages to the outbox in one transaction"
$PSQL -d $DB -c "
insert into outbox (channel, recipient, subject, body_text, message_id, state, next_attempt_at, created_at, created_by)
select 'email', 'customer' || n || '@example.com', 'Your case RC-' || lpad(n::text, 6, '0'),
       'Dear customer, we are sorry. We will deliver the replacement by Friday. (' || n || ')',
       '<bench-' || n || '@redress.local>', 'PENDING', current_timestamp, current_timestamp, 'benchmark'
from generate_series(1, $MESSAGES) as n"

start=$(date +%s)
while true; do
  sent=$($PSQL -d $DB -c "select count(*) from outbox where state = 'SENT'")
  [ "$sent" -ge "$MESSAGES" ] && break
  [ $(( $(date +%s) - start )) -gt 900 ] && { echo "timed out with $sent sent"; break; }
  sleep 1
done

echo; echo "== Outbox: $MESSAGES messages to a local SMTP sink"
$PSQL -d $DB -F ' ' -c "
select 'sent: ' || count(*) filter (where state = 'SENT') || ', failed: ' || count(*) filter (where state = 'FAILED'),
       '| messages/s: ' || round((count(*) / extract(epoch from max(sent_at) - min(created_at)))::numeric, 0),
       '| delay from commit, p50: ' || round(extract(epoch from percentile_cont(0.5) within group (order by sent_at - created_at))::numeric, 2) || ' s',
       'p99: ' || round(extract(epoch from percentile_cont(0.99) within group (order by sent_at - created_at))::numeric, 2) || ' s',
       'max: ' || round(extract(epoch from max(sent_at - created_at))::numeric, 2) || ' s'
from outbox"
echo "Resident memory of the application: $(ps -o rss= -p $APP | awk '{printf "%.0f MB", $1/1024}')"
kill $APP; wait $APP 2>/dev/null || true
$PSQL -d postgres -c "drop database if exists $DB with (force)"
