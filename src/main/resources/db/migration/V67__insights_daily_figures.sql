-- insights: the summary's figures per day, team and breakdown key, kept by the facts' refresh
-- (ADR 16), so that a month's summary adds up a few thousand rows instead of sorting the
-- month's cases. A case counts towards the day it was opened (opened, durations as
-- histograms, time targets, promises) and the day it was closed (closed, outcomes, reopened),
-- days in the business's time zone. dim is ALL (part_key '*') or a breakdown (AGENT, CATEGORY,
-- CHANNEL, SEVERITY, TIER) with the breakdown's key; team_id -1 is the shared inbox.
create table insight_daily (
    on_day           date not null,
    team_id          bigint not null,
    dim              varchar(16) not null,
    part_key         varchar(200) not null,
    opened           integer not null,
    to_acknowledge   bytea,
    to_agree         bytea,
    to_fulfil        bytea,
    acknowledge_on_time integer not null,
    acknowledge_late integer not null,
    resolve_on_time  integer not null,
    resolve_late     integer not null,
    fulfil_on_time   integer not null,
    fulfil_late      integer not null,
    promises_on_time integer not null,
    promises_late    integer not null,
    promises_broken  integer not null,
    closed           integer not null,
    recovered        integer not null,
    not_recovered    integer not null,
    reopened         integer not null,
    primary key (dim, on_day, team_id, part_key)
);

-- The time zone the daily figures were counted in; none until the refresh has counted them
-- (the summary reads the case facts until then, and again after the zone is changed).
alter table insight_refresh add column daily_zone varchar(64);
