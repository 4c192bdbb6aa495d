-- PostgreSQL's own ceiling for an intake-like transaction, to compare with the application:
-- a new customer, a case, a timeline event and an outbox-like (audit) row, one round trip each.
BEGIN;
INSERT INTO customers (external_ref, email, name, phone, tier, created_at, updated_at, version)
  VALUES (gen_random_uuid()::text, gen_random_uuid()::text || '@example.com', 'Load Test', '+34 600 000 000', 'standard',
          current_timestamp, current_timestamp, 1)
  RETURNING id AS customer_id \gset
INSERT INTO recovery_cases (customer_id, channel, category, severity, subject, status, opened_at, updated_at, version)
  VALUES (:customer_id, 'EMAIL', 'delivery', 2, 'Parcel arrived broken', 'NEW', current_timestamp, current_timestamp, 1)
  RETURNING id AS case_id \gset
INSERT INTO case_timeline (case_id, occurred_at, actor_id, actor_name, kind, summary, internal)
  VALUES (:case_id, current_timestamp, 1, 'Load Test', 'opened', 'Complaint received via email', false);
INSERT INTO audit_log (occurred_at, actor_id, actor_name, action, subject, details)
  VALUES (current_timestamp, 1, 'Load Test', 'case.opened', 'case:' || :case_id, 'Parcel arrived broken');
COMMIT;
