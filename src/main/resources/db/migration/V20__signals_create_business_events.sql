-- signals: events from business systems (orders, deliveries, visits, waits, outages), each
-- taken once by its event id, kept per customer for surveys, incidents and risk.
create table business_events (
    id           bigint generated always as identity primary key,
    event_id     text not null,
    type         text not null,
    customer_ref text not null,
    occurred_at  timestamp with time zone not null,
    attributes   text,
    received_at  timestamp with time zone not null,
    constraint business_events_event_id unique (event_id)
);
create index business_events_customer on business_events (customer_ref, occurred_at);
create index business_events_type on business_events (type, occurred_at);
