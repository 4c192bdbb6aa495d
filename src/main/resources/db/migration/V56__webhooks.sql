-- webhooks: business systems subscribe to what happens. A message is written with the change
-- that caused it (same transaction), and one delivery per subscribed endpoint; a sender posts
-- due deliveries (one node at a time), retrying with back-off, in order per endpoint and case.
create table webhook_endpoints (
    id                bigint generated always as identity primary key,
    url               text not null,
    description       text,
    event_types       text not null,
    secret            text not null,
    previous_secret   text,
    previous_until    timestamp with time zone,
    active            boolean not null,
    created_at        timestamp with time zone not null,
    created_by_name   text not null
);
create table webhook_messages (
    id          bigint generated always as identity primary key,
    message_id  text not null unique,
    event_type  text not null,
    case_id     bigint,
    payload     text not null,
    created_at  timestamp with time zone not null
);
create table webhook_deliveries (
    id               bigint generated always as identity primary key,
    endpoint_id      bigint not null references webhook_endpoints (id),
    message_id       bigint not null references webhook_messages (id),
    case_id          bigint,
    state            text not null,
    attempts         integer not null,
    next_attempt_at  timestamp with time zone,
    last_attempt_at  timestamp with time zone,
    last_status      integer,
    last_error       text,
    delivered_at     timestamp with time zone,
    created_at       timestamp with time zone not null
);
-- The delivery log, per endpoint, newest first (the sender's partial indexes are PostgreSQL's: V56_1).
create index webhook_deliveries_log on webhook_deliveries (endpoint_id, id);
