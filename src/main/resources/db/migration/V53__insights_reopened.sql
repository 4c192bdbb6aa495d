-- Insights: how often each case was reopened after a close (its timeline's 'reopened' lines), so
-- the summary gives the reopen rate of the cases closed in a period.
alter table insight_case_facts add column reopened integer not null default 0;
update insight_case_facts
   set reopened = (select count(*) from case_timeline t where t.case_id = insight_case_facts.case_id and t.kind = 'reopened');
