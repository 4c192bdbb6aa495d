-- insights: whether the customer was given a remedy on the case (one accepted or delivered),
-- kept with the facts by the refresh (remedy facts are written with their case's), so that
-- "what recovers" and its drill-down read a column instead of probing the remedy facts for
-- every closed case of the period. Counted here for the facts already there.
alter table insight_case_facts add column remedied boolean not null default false;
update insight_case_facts f set remedied = true
 where exists (select 1 from insight_remedy_facts r where r.case_id = f.case_id and r.state in ('ACCEPTED', 'FULFILLED'));
