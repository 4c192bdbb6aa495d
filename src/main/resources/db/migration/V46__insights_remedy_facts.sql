-- insights: goodwill. One row per remedy with what the goodwill and approval reports need,
-- rewritten with its case's facts by the refresh (every change to a remedy is recorded on its
-- case's timeline, which moves the case's updated_at). Reads remedies by its documented columns.
create table insight_remedy_facts (
    remedy_id          bigint primary key,
    case_id            bigint not null,
    remedy_type        text not null,
    amount_minor       bigint not null,
    currency           text not null,
    state              text not null,
    proposed_by_id     bigint,
    proposed_by_name   text not null,
    granted_by_id      bigint,
    created_at         timestamp with time zone not null,
    granted_at         timestamp with time zone,
    -- Whether it went to a lead or manager for approval, and how long they took to decide.
    approval_asked     boolean not null,
    seconds_to_decide  bigint,
    refreshed_at       timestamp with time zone not null
);
create index insight_remedy_facts_case on insight_remedy_facts (case_id);
create index insight_remedy_facts_granted on insight_remedy_facts (granted_at);
create index insight_remedy_facts_created on insight_remedy_facts (created_at);
