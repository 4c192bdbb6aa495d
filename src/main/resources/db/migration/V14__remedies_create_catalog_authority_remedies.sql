-- remedies: the catalog of what may be given, who may give how much, and what was given.
-- Money is stored in minor units (cents) with its currency; never as floating point.
create table remedy_types (
    code        text primary key,
    label       text not null,
    kind        text not null,
    active      boolean default true not null,
    created_at  timestamp with time zone not null,
    version     int not null
);
insert into remedy_types (code, label, kind, created_at, version) values
    ('refund', 'Refund', 'REFUND', current_timestamp, 1),
    ('discount', 'Discount (amount)', 'DISCOUNT_AMOUNT', current_timestamp, 1),
    ('discount-percent', 'Discount (percent)', 'DISCOUNT_PERCENT', current_timestamp, 1),
    ('credit', 'Account credit', 'ACCOUNT_CREDIT', current_timestamp, 1),
    ('replacement', 'Replacement', 'REPLACEMENT', current_timestamp, 1),
    ('complimentary', 'Complimentary service', 'COMPLIMENTARY_SERVICE', current_timestamp, 1),
    ('goodwill', 'Goodwill gift', 'GOODWILL', current_timestamp, 1);

-- Per role (user_id null) or per person (role null), per remedy type: the most one may
-- grant on one case, and in one calendar month, in the business currency.
create table authority_limits (
    id              bigint generated always as identity primary key,
    role            text,
    user_id         bigint,
    remedy_type     text not null,
    per_case_minor  bigint not null,
    per_month_minor bigint not null,
    constraint authority_limits_one_holder check ((role is null) <> (user_id is null)),
    constraint authority_limits_role_type unique (role, remedy_type),
    constraint authority_limits_user_type unique (user_id, remedy_type)
);
insert into authority_limits (role, remedy_type, per_case_minor, per_month_minor)
    select r.role, t.code, r.per_case * t.factor, r.per_month * t.factor
    from (values ('AGENT', 5000, 50000), ('LEAD', 20000, 300000), ('MANAGER', 100000, 2000000),
                 ('ADMIN', 100000, 2000000)) as r(role, per_case, per_month)
    cross join (values ('refund', 1), ('discount', 1), ('discount-percent', 1), ('credit', 1),
                       ('replacement', 2), ('complimentary', 1), ('goodwill', 1)) as t(code, factor);

create table remedies (
    id                   bigint generated always as identity primary key,
    case_id              bigint not null,
    remedy_type          text not null,
    amount_minor         bigint not null,
    currency             text not null,
    percent              int,
    base_minor           bigint,
    description          text not null,
    state                text not null,
    proposed_by_id       bigint,
    proposed_by_name     text not null,
    granted_by_id        bigint,
    granted_by_name      text,
    granted_at           timestamp with time zone,
    approval_due_at      timestamp with time zone,
    decision_note        text,
    customer_agreed      boolean default false not null,
    deliver_by           date,
    offered_at           timestamp with time zone,
    answered_at          timestamp with time zone,
    customer_note        text,
    counter_amount_minor bigint,
    fulfilment_ref       text,
    fulfilled_at         timestamp with time zone,
    created_at           timestamp with time zone not null,
    updated_at           timestamp with time zone not null,
    version              int not null
);
create index remedies_case on remedies (case_id, id);
create index remedies_state on remedies (state, approval_due_at);
create index remedies_granted_by on remedies (granted_by_id, granted_at);

-- Serialises the grants of one person, and of one case, so totals cannot be raced past.
create table remedy_locks (
    lock_key text primary key
);

-- Keys that sign customer links; the same on every node.
create table signing_keys (
    name       text primary key,
    secret     text not null,
    created_at timestamp with time zone not null
);

-- Fair-offer policy: for cases that match (null matches any), the remedy and range to offer.
-- The most specific matching rule applies.
create table fair_offer_rules (
    id          bigint generated always as identity primary key,
    category    text,
    severity    int,
    tier        text,
    remedy_type text not null,
    min_minor   bigint not null,
    max_minor   bigint not null,
    created_at  timestamp with time zone not null,
    version     int not null
);
insert into fair_offer_rules (severity, tier, remedy_type, min_minor, max_minor, created_at, version) values
    (1, null, 'refund', 5000, 15000, current_timestamp, 1),
    (2, null, 'refund', 2000, 6000, current_timestamp, 1),
    (3, null, 'credit', 1000, 2500, current_timestamp, 1),
    (4, null, 'goodwill', 500, 1000, current_timestamp, 1),
    (null, 'vip', 'credit', 2500, 7500, current_timestamp, 1),
    (null, null, 'goodwill', 500, 1500, current_timestamp, 1);
