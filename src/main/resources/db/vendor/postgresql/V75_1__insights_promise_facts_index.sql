-- PostgreSQL only: promises kept reads a period's promises from the index alone.
create index insight_promise_facts_due on insight_promise_facts (due_at) include (team_id, owner_name, status, on_time);
