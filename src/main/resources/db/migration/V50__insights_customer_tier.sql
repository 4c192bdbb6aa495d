-- Insights: the customer's tier on each case's facts (as it was when the case last changed),
-- so the figures break down by tier without reading the customers at request time.
alter table insight_case_facts add column tier text;
update insight_case_facts
   set tier = (select cu.tier from customers cu where cu.id = insight_case_facts.customer_id);
