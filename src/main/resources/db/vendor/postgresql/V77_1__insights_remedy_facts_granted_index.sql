-- PostgreSQL only: goodwill against lifetime value reads a period's grants from the index alone.
drop index insight_remedy_facts_granted;
create index insight_remedy_facts_granted on insight_remedy_facts (granted_at)
    include (state, amount_minor, currency, customer_id, team_id);
