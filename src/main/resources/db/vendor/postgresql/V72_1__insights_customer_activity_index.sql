-- PostgreSQL only: retention's baseline reads a period's activity from the index alone (an
-- index-only scan; at 2,000,000 business events a month's 290,000 moments in ~65 ms, against
-- twice that from the table).
create index insight_activity_at on insight_activity (occurred_at)
    include (previous_at, next_at, case_open, cases_closed_at, next_case_at);
