-- insights: each remedy's customer and team (of its case) kept on its row, so that goodwill
-- against lifetime value reads a period's grants from one index range and looks up each
-- customer once, instead of looking up every granted remedy's case facts (at 1,000,000 cases,
-- with half the customers' lifetime value known, 240-820 ms). Written with the remedy from its
-- case, as the refresh does from now on.
alter table insight_remedy_facts add column customer_id bigint;
alter table insight_remedy_facts add column team_id bigint;
update insight_remedy_facts set
    customer_id = (select c.customer_id from recovery_cases c where c.id = insight_remedy_facts.case_id),
    team_id = (select c.team_id from recovery_cases c where c.id = insight_remedy_facts.case_id);
