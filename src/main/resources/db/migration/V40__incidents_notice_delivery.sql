-- An incident notice's delivery: its Message-ID in the outbox, and when the mail server took
-- it or it failed for good, so the incident counts queued, sent and failed notices apart.
alter table incident_customers add column message_id varchar(200);
alter table incident_customers add column sent_at timestamp with time zone;
alter table incident_customers add column failed_at timestamp with time zone;
create index incident_customers_message on incident_customers (message_id);
