-- sla: the queue's read model carries what the queue filters and scopes by (team, holder,
-- severity, status, category, channel, opening time), copied from the case and kept with it in
-- the transaction of each change (CaseRefiled). A queue page, its counters and "take next" then
-- read this table alone, one row per open case, instead of joining it to every case there is.
alter table sla_queue add column team_id bigint;
alter table sla_queue add column assignee_id bigint;
alter table sla_queue add column severity integer;
alter table sla_queue add column status text;
alter table sla_queue add column category text;
alter table sla_queue add column channel text;
alter table sla_queue add column opened_at timestamp with time zone;

update sla_queue set
    team_id = (select c.team_id from recovery_cases c where c.id = sla_queue.case_id),
    assignee_id = (select c.assignee_id from recovery_cases c where c.id = sla_queue.case_id),
    severity = (select c.severity from recovery_cases c where c.id = sla_queue.case_id),
    status = (select c.status from recovery_cases c where c.id = sla_queue.case_id),
    category = (select c.category from recovery_cases c where c.id = sla_queue.case_id),
    channel = (select c.channel from recovery_cases c where c.id = sla_queue.case_id),
    opened_at = (select c.opened_at from recovery_cases c where c.id = sla_queue.case_id);

alter table sla_queue alter column severity set not null;
alter table sla_queue alter column status set not null;
alter table sla_queue alter column category set not null;
alter table sla_queue alter column channel set not null;
alter table sla_queue alter column opened_at set not null;

-- One per way the queue is read: a person's own cases and a team's, soonest due first; by severity.
create index sla_queue_assignee_due on sla_queue (assignee_id, due_at, case_id);
create index sla_queue_team_due on sla_queue (team_id, due_at, case_id);
create index sla_queue_severity on sla_queue (severity, opened_at, case_id);
