-- The default database (H2) has no covering indexes: the promises by their due time.
create index insight_promise_facts_due on insight_promise_facts (due_at);
