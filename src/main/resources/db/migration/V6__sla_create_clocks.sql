-- sla: one clock per case and target; met, stopped, warned and breached are recorded on it.
create table sla_clocks (
    id           bigint generated always as identity primary key,
    case_id      bigint not null,
    target       text not null,
    policy_id    bigint not null,
    started_at   timestamp with time zone not null,
    warn_at      timestamp with time zone not null,
    due_at       timestamp with time zone not null,
    met_at       timestamp with time zone,
    stopped_at   timestamp with time zone,
    warned_at    timestamp with time zone,
    breached_at  timestamp with time zone,
    constraint sla_clocks_case_target unique (case_id, target)
);
create index sla_clocks_due on sla_clocks (due_at);
