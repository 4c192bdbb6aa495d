-- sla: business-hours calendars and SLA policies (targets by severity x channel x tier).
create table sla_calendars (
    id          bigint generated always as identity primary key,
    name        text not null unique,
    time_zone   text not null,
    hours       text not null,
    holidays    text not null default '',
    created_at  timestamp with time zone not null default current_timestamp,
    version     integer not null default 0
);

-- A null severity, channel or tier matches any; the most specific matching policy wins.
create table sla_policies (
    id                   bigint generated always as identity primary key,
    name                 text not null,
    severity             integer,
    channel              text,
    tier                 text,
    acknowledge_minutes  integer not null,
    resolve_minutes      integer not null,
    fulfil_minutes       integer not null,
    follow_up_minutes    integer not null,
    warn_at_percent      integer not null default 80,
    calendar_id          bigint references sla_calendars (id),
    created_at           timestamp with time zone not null default current_timestamp,
    version              integer not null default 0
);

insert into sla_policies (name, severity, acknowledge_minutes, resolve_minutes, fulfil_minutes, follow_up_minutes, version) values
    ('Default', null, 240, 2880, 10080, 4320, 1),
    ('Critical', 1, 30, 480, 2880, 1440, 1),
    ('High', 2, 120, 1440, 4320, 2880, 1);
