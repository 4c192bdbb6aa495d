-- insights: the goodwill report's figures per day, kept by the refresh beside the summary's
-- (ADR 16). insight_daily_goodwill: remedies granted (and not taken back) per day granted,
-- team (-1: the shared inbox), remedy type, the case's category and who proposed it, with
-- their total and what of it was delivered. insight_daily_approvals: remedies sent for
-- approval per day asked and team, how they were decided, and the time to decide as a
-- histogram. insight_daily.recovered_goodwill_minor: what the cases closed as recovered that
-- day were granted.
create table insight_daily_goodwill (
    on_day          date not null,
    team_id         bigint not null,
    remedy_type     varchar(200) not null,
    category        varchar(200) not null,
    proposed_by     varchar(1000) not null,
    remedies        integer not null,
    granted_minor   bigint not null,
    delivered_minor bigint not null
);
create index insight_daily_goodwill_day on insight_daily_goodwill (on_day, team_id);

create table insight_daily_approvals (
    on_day    date not null,
    team_id   bigint not null,
    asked     integer not null,
    approved  integer not null,
    refused   integer not null,
    waiting   integer not null,
    to_decide bytea,
    primary key (on_day, team_id)
);

alter table insight_daily add column recovered_goodwill_minor bigint not null default 0;
