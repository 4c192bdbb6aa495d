-- sla: a policy may name a team whose queue takes the cases that miss one of its targets.
alter table sla_policies add column escalation_team_id bigint;
