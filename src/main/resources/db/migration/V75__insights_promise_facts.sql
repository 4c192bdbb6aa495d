-- insights: promises kept. One row per promise with its case's team, kept by the refresh beside
-- the case facts (making, refining, keeping and breaking a promise are on the case's timeline,
-- which moves the case's updated_at), so that the report reads one table by the due time
-- instead of joining every promise due in the period to the facts on each read. Filled here for
-- the facts already there, as the refresh would.
create table insight_promise_facts (
    promise_id  bigint primary key,
    case_id     bigint not null,
    team_id     bigint,
    owner_name  text not null,
    due_at      timestamp with time zone not null,
    -- OPEN, KEPT or BROKEN, as in promises.
    status      text not null,
    -- Kept by its due time.
    on_time     boolean not null
);
create index insight_promise_facts_case on insight_promise_facts (case_id);
insert into insight_promise_facts (promise_id, case_id, team_id, owner_name, due_at, status, on_time)
select p.id, p.case_id, f.team_id, p.owner_name, p.due_at, p.status,
       case when p.status = 'KEPT' and p.settled_at <= p.due_at then true else false end
from promises p join insight_case_facts f on f.case_id = p.case_id;
