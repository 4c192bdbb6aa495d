-- audit: the log is filtered by who acted, by action and by day (newest first), besides by subject.
create index audit_log_actor on audit_log (actor_id, id);
create index audit_log_action on audit_log (action, id);
create index audit_log_occurred on audit_log (occurred_at);
