-- PostgreSQL only: the notice and case sweeps look for customers not yet handled; partial
-- indexes keep that look-up small however many customers were handled long ago.
create index incident_customers_unnotified on incident_customers (incident_id, id) where handled_at is null;
create index incident_customers_caseless on incident_customers (incident_id, id) where case_handled_at is null;
