-- Whether the customer got an apology (the Apologize step was recorded): one of the three
-- practices "what recovers customers" compares (with the speed of the first answer and a
-- remedy given). And the case's root cause and our part in it, for the causes report.
-- Facts written before these columns are filled in here from the cases and their steps.
alter table insight_case_facts add column apologized boolean not null default false;
alter table insight_case_facts add column root_cause text;
alter table insight_case_facts add column responsibility text;
update insight_case_facts set apologized = true
 where case_id in (select recovery_case from case_steps where step = 'APOLOGIZE');
update insight_case_facts
   set root_cause = (select c.root_cause from recovery_cases c where c.id = insight_case_facts.case_id),
       responsibility = (select c.responsibility from recovery_cases c where c.id = insight_case_facts.case_id);
create index insight_case_facts_customer_cause on insight_case_facts (customer_id, root_cause, opened_at);
