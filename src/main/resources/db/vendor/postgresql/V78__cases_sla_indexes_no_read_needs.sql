-- PostgreSQL only. Every intake writes a case and two clocks; each index on them is a write
-- more. No read needs these any longer:
-- - the open-case partial indexes were made for the queue, its tab counters and "take next",
--   which read the queue's own table (sla_queue) since V41; the open-case look-ups left (a
--   customer's open cases, their open case in a category) use recovery_cases_customer_category;
-- - the clocks' full due and warning indexes duplicate the partial ones of V8, which serve the
--   timer sweep; every other read of clocks is by case, but for the follow-ups due, which the
--   full due index served badly (from the oldest clocks, nearly all met) and which get a
--   partial index of their own: only follow-ups past due and not done, none at intake.
-- H2, which has no partial indexes, keeps the full ones.
drop index if exists recovery_cases_open_assignee;
drop index if exists recovery_cases_open_team;
drop index if exists recovery_cases_open_urgency;
drop index if exists sla_clocks_due;
drop index if exists sla_clocks_warn;
create index sla_clocks_follow_ups_due on sla_clocks (due_at)
  where target = 'FOLLOW_UP' and breached_at is not null and met_at is null and stopped_at is null;
