-- sla: the queue's read model. One row per open case with the due and warning times of its
-- earliest running (not met, stopped or paused) target; both null when none runs. Kept in the
-- transaction that changes the case's clocks (ADR 4), so sorting the queue by time left reads
-- one indexed column instead of a sub-query over the clocks of every open case.
create table sla_queue (
    case_id  bigint primary key,
    due_at   timestamp with time zone,
    warn_at  timestamp with time zone
);
create index sla_queue_due on sla_queue (due_at, case_id);
create index sla_queue_warn on sla_queue (warn_at);

insert into sla_queue (case_id, due_at, warn_at)
select c.id,
       (select min(k.due_at) from sla_clocks k
        where k.case_id = c.id and k.met_at is null and k.stopped_at is null and k.paused_at is null),
       (select min(k.warn_at) from sla_clocks k
        where k.case_id = c.id and k.met_at is null and k.stopped_at is null and k.paused_at is null)
from recovery_cases c where c.status <> 'CLOSED';
