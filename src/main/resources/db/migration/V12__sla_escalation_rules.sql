-- sla: what else happens when a case misses a target of the policy: its team's leads are
-- told, its severity goes up one level, and/or it is handed to a named person.
alter table sla_policies add column escalation_notify_leads boolean default true not null;
alter table sla_policies add column escalation_raise_severity boolean default false not null;
alter table sla_policies add column escalation_assignee_id bigint;
