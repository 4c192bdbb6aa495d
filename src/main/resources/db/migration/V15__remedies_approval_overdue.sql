-- remedies: an approval request past its decision time is flagged (and its approvers
-- alerted) once.
alter table remedies add column approval_overdue_at timestamp with time zone;
