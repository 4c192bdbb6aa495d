-- The default database (H2) has no covering indexes: the period's activity by its moment.
create index insight_activity_at on insight_activity (occurred_at);
