-- incidents: a known defect, outage or delay declared by the business, the customers it
-- affects, and what each of them has been told and has done since (opened the notice's
-- link, said it affected them, had a case opened, been recovered).
create table incidents (
    id                  bigint generated always as identity primary key,
    title               text not null,
    what_happened       text not null,
    plan                text not null,
    fix_by              date not null,
    category            text not null,
    severity            integer not null,
    status              text not null,
    -- Set when someone asks to notify: the sweep then tells every affected customer not yet told.
    notify_requested_at timestamp with time zone,
    notify_requested_by text,
    -- Also open one linked case per affected customer (channel proactive).
    open_cases          boolean not null default false,
    -- The throttle: the time after which the next notice may be sent (notices are spread out).
    notices_until       timestamp with time zone,
    lesson              text,
    declared_at         timestamp with time zone not null,
    declared_by_id      bigint,
    declared_by_name    text not null,
    closed_at           timestamp with time zone,
    closed_by_name      text,
    updated_at          timestamp with time zone not null
);

create table incident_customers (
    id           bigint generated always as identity primary key,
    incident_id  bigint not null references incidents (id),
    customer_id  bigint not null,
    added_at     timestamp with time zone not null,
    added_how    text not null,
    -- When the notice sweep dealt with the customer: queued a notice, or found no email.
    handled_at   timestamp with time zone,
    notified_at  timestamp with time zone,
    -- SHA-256 of the customer's link token; the token itself is only in the notice.
    token_hash   bytea,
    opened_at    timestamp with time zone,
    replied_at   timestamp with time zone,
    reply        text,
    case_id      bigint,
    -- Set once a linked case has been asked for (policy or the customer's reply) and made.
    case_handled_at timestamp with time zone,
    recovered_at timestamp with time zone,
    constraint incident_customers_once unique (incident_id, customer_id),
    constraint incident_customers_token unique (token_hash)
);
create index incident_customers_case on incident_customers (case_id);
create index incident_customers_page on incident_customers (incident_id, id);
