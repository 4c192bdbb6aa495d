-- cases: a case may be closed without a recovery to judge (a duplicate of another case, spam,
-- not a complaint); it then has a close reason instead of an outcome, and a duplicate names
-- the case it repeats.
alter table recovery_cases add column close_reason text;
alter table recovery_cases add column duplicate_of bigint references recovery_cases (id);

-- The live queue asks "has any case I may open changed since?": recent changes, by index.
create index recovery_cases_updated on recovery_cases (updated_at);

-- Who has a case open right now, and whether they are writing on it: a heartbeat from each
-- open case page, kept in the database so that people on different nodes see each other;
-- a row older than a minute no longer counts.
create table case_presence (
    case_id    bigint not null references recovery_cases (id),
    user_id    bigint not null,
    user_name  text not null,
    writing    boolean not null default false,
    seen_at    timestamp with time zone not null,
    primary key (case_id, user_id)
);
create index case_presence_user on case_presence (user_id);
