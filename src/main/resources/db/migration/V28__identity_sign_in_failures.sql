-- identity: failed sign-ins per account and per client address, to slow and then refuse
-- password guessing on every node (the count lives in the shared database, not in memory).
create table sign_in_failures (
    subject          text primary key,
    failures         integer not null,
    last_failure_at  timestamp with time zone not null,
    blocked_until    timestamp with time zone
);
create index sign_in_failures_last on sign_in_failures (last_failure_at);
