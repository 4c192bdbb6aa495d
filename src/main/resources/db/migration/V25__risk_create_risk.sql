-- risk: silent-customer detection. Each customer's negative signals, one row per kind,
-- hold a value that halves every half-life (stored as of a time, decayed when read or
-- added to); the customer row holds the score when last changed, when they last spoke up
-- (a case opened), their activity (for falling activity) and the last outreach.
create table risk_signals (
    customer_id  bigint not null,
    kind         text not null,
    amount       double precision not null,
    as_of        timestamp with time zone not null,
    occurrences  int not null,
    last_reason  text not null,
    last_at      timestamp with time zone not null,
    constraint risk_signals_key primary key (customer_id, kind)
);

create table customer_risk (
    customer_id        bigint primary key,
    score              double precision default 0 not null,
    scored_at          timestamp with time zone not null,
    last_negative_at   timestamp with time zone,
    last_contact_at    timestamp with time zone,
    complained_at      timestamp with time zone,
    first_activity_at  timestamp with time zone,
    last_activity_at   timestamp with time zone,
    activity_count     int default 0 not null,
    falling_flagged_at timestamp with time zone,
    outreach_at        timestamp with time zone,
    outreach_case_id   bigint
);
create index customer_risk_score on customer_risk (score);
create index customer_risk_negative on customer_risk (last_negative_at);
create index customer_risk_activity on customer_risk (last_activity_at);

-- What has been counted, by its source (a business event, an incident, a survey answer),
-- so a signal delivered twice is counted once.
create table risk_sources (
    customer_id  bigint not null,
    source       text not null,
    added_at     timestamp with time zone not null,
    constraint risk_sources_key primary key (customer_id, source)
);

-- Signals that arrive by the thousand (every customer of an incident) wait here and are
-- added by the risk sweep, so declaring a large incident stays quick.
create table risk_pending (
    id           bigint generated always as identity primary key,
    customer_id  bigint not null,
    kind         text not null,
    occurred_at  timestamp with time zone not null,
    source       text not null,
    reason       text not null
);
