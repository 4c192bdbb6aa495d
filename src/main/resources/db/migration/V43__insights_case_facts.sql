-- insights: the read model reports are computed from. One row per case with the facts a
-- report needs (who, what, when each playbook milestone was reached, how long it took, how it
-- ended), refreshed by a scheduled job from the cases changed since its last run
-- (insight_refresh), not by the cases' own transactions: intake and the playbook write
-- nothing more, and the reports read one narrow table. Durations are seconds, computed once.
-- Reads recovery_cases, case_steps, sla_clocks and promises by their documented columns.
create table insight_case_facts (
    case_id            bigint primary key,
    customer_id        bigint not null,
    team_id            bigint,
    assignee_id        bigint,
    category           text not null,
    channel            text not null,
    severity           integer not null,
    opened_at          timestamp with time zone not null,
    acknowledged_at    timestamp with time zone,
    agreed_at          timestamp with time zone,
    fulfilled_at       timestamp with time zone,
    closed_at          timestamp with time zone,
    outcome            text,
    close_reason       text,
    seconds_to_acknowledge bigint,
    seconds_to_agree   bigint,
    seconds_to_fulfil  bigint,
    -- Each time target's clock: ON_TIME (met by its due time), LATE (missed), or none (running, or no target).
    acknowledge_sla    text,
    resolve_sla        text,
    fulfil_sla         text,
    -- The case's promises: kept by their due time, kept after it, broken.
    promises_on_time   integer not null,
    promises_late      integer not null,
    promises_broken    integer not null,
    refreshed_at       timestamp with time zone not null
);
create index insight_case_facts_opened on insight_case_facts (opened_at);
create index insight_case_facts_closed on insight_case_facts (closed_at);
create index insight_case_facts_team_opened on insight_case_facts (team_id, opened_at);

-- Where the refresh has got to: the last case it read, by (updated_at, id). Caught up
-- (after_case_id 0), it reads again from a minute before, for a transaction that committed
-- late; working off a backlog, it goes on from exactly there.
create table insight_refresh (
    id             integer primary key,
    changed_since  timestamp with time zone not null,
    after_case_id  bigint not null
);
insert into insight_refresh (id, changed_since, after_case_id) values (1, timestamp '1970-01-01 00:00:00+00', 0);
