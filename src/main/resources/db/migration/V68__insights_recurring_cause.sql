-- insights: whether a case recurs (the same customer had a case of the same root cause in the
-- 90 days before it), kept with the facts by the refresh, so that the causes report counts it
-- instead of probing every case of the period for an earlier one. Counted here for the facts
-- already there.
alter table insight_case_facts add column recurring boolean not null default false;
update insight_case_facts f set recurring = true
 where f.root_cause is not null
   and exists (select 1 from insight_case_facts p where p.customer_id = f.customer_id and p.root_cause = f.root_cause
               and p.case_id <> f.case_id and p.opened_at <= f.opened_at and p.opened_at >= f.opened_at - interval '90' day);
