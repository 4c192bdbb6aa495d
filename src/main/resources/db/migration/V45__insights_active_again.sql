-- insights: retention after recovery. Each closed case's fact carries when its customer was
-- next active after the close (their first order or service visit after it, from the business
-- events), so "active again within 30, 90, 180 days" is read off one table. Kept by the
-- refresh: a case's facts are read with it, and the business events that came in since the
-- last run move it earlier for their customer's closed cases (events_after_id: where the
-- refresh has got to in business_events).
alter table insight_case_facts add column active_again_at timestamp with time zone;
alter table insight_refresh add column events_after_id bigint not null default 0;
create index insight_case_facts_customer on insight_case_facts (customer_id);
