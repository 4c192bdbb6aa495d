-- PostgreSQL only: retention and what recovers read a period's closes, and retention's baseline
-- a period's activity, from an index alone (index-only scans; at 1,000,000 cases and 2,000,000
-- business events a quarter's 200,000 closes in ~75 ms against twice that from the table).
drop index insight_case_facts_closed;
create index insight_case_facts_closed on insight_case_facts (closed_at)
    include (outcome, team_id, next_close_at, next_team_close_at, seconds_to_again, seconds_to_acknowledge, apologized, remedied);
create index insight_activity_at on insight_activity (occurred_at)
    include (previous_at, next_at, seconds_to_next, case_open, cases_closed_at, next_case_at);
