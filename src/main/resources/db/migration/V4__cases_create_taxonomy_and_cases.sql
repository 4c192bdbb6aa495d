-- cases: the recovery case, its playbook steps, tags, messages and append-only timeline.
create table taxonomy_entries (
    kind      text not null,
    code      text not null,
    label     text not null,
    active    boolean not null default true,
    position  integer not null default 0,
    primary key (kind, code)
);

insert into taxonomy_entries (kind, code, label, position) values
    ('category', 'delivery', 'Delivery late, lost or damaged', 1),
    ('category', 'product-quality', 'Product faulty or not as described', 2),
    ('category', 'billing', 'Billing or payment error', 3),
    ('category', 'service', 'Staff attitude or service experience', 4),
    ('category', 'wait-time', 'Waiting too long', 5),
    ('category', 'outage', 'Service unavailable', 6),
    ('category', 'other', 'Something else', 99),
    ('root-cause', 'carrier-delay', 'Carrier delay', 1),
    ('root-cause', 'warehouse-error', 'Picking or packing error', 2),
    ('root-cause', 'product-defect', 'Product defect', 3),
    ('root-cause', 'pricing-error', 'Pricing or invoicing error', 4),
    ('root-cause', 'staff-behaviour', 'Staff behaviour', 5),
    ('root-cause', 'process-gap', 'Process gap or unclear policy', 6),
    ('root-cause', 'understaffing', 'Understaffing', 7),
    ('root-cause', 'system-failure', 'System failure', 8),
    ('root-cause', 'communication', 'Miscommunication or wrong information', 9),
    ('root-cause', 'third-party', 'Third party outside our control', 10),
    ('root-cause', 'customer-misunderstanding', 'Expectation mismatch', 11);

create table recovery_cases (
    id                   bigint generated always as identity primary key,
    customer_id          bigint not null references customers (id),
    channel              text not null,
    category             text not null,
    severity             integer not null,
    subject              text not null,
    status               text not null,
    outcome              text,
    assignee_id          bigint references users (id),
    team_id              bigint references teams (id),
    root_cause           text,
    responsibility       text,
    resolution           text,
    promised_by          date,
    satisfied            boolean,
    satisfaction         integer,
    opened_at            timestamp with time zone not null,
    updated_at           timestamp with time zone not null,
    closed_at            timestamp with time zone,
    version              integer not null default 0
);
create index recovery_cases_customer_category on recovery_cases (customer_id, category, status);
create index recovery_cases_assignee_status on recovery_cases (assignee_id, status);
create index recovery_cases_status on recovery_cases (status, id);

-- The latest record of each playbook step; the timeline keeps every earlier one.
create table case_steps (
    recovery_case  bigint not null references recovery_cases (id),
    step           text not null,
    done_at        timestamp with time zone not null,
    done_by_id     bigint,
    done_by_name   text not null,
    note           text,
    primary key (recovery_case, step)
);

create table case_tags (
    recovery_case  bigint not null references recovery_cases (id),
    name           text not null,
    primary key (recovery_case, name)
);

create table case_messages (
    id           bigint generated always as identity primary key,
    case_id      bigint not null references recovery_cases (id),
    direction    text not null,
    channel      text not null,
    author       text not null,
    subject      text,
    body         text not null,
    received_at  timestamp with time zone not null
);
create index case_messages_case on case_messages (case_id, id);

create table case_timeline (
    id           bigint generated always as identity primary key,
    case_id      bigint not null references recovery_cases (id),
    occurred_at  timestamp with time zone not null,
    actor_id     bigint,
    actor_name   text not null,
    kind         text not null,
    summary      text not null,
    internal     boolean not null default false
);
create index case_timeline_case on case_timeline (case_id, id);

-- An Idempotency-Key is inserted first, so a concurrent retry waits on it and then
-- finds the case the first request opened.
create table intake_keys (
    idempotency_key  text primary key,
    fingerprint      text not null,
    case_id          bigint references recovery_cases (id),
    created_at       timestamp with time zone not null
);
