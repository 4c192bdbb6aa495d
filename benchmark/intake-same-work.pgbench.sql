-- PostgreSQL's ceiling for the application's own intake transaction: the statements one
-- complaint from a new customer makes, in the order the application sends them (taken
-- from PostgreSQL's statement log), one round trip each. Compare with intake.pgbench.sql,
-- the minimal four-insert transaction. Needs -M prepared (as the JDBC driver prepares; the
-- key read back is then passed as a parameter).
BEGIN;
INSERT INTO intake_keys (idempotency_key, fingerprint, created_at)
  VALUES (gen_random_uuid()::text, md5(random()::text), current_timestamp) ON CONFLICT DO NOTHING RETURNING idempotency_key AS ikey \gset
SELECT id, external_ref, email FROM customers WHERE (external_ref = :ikey OR email = :ikey::text || '@example.com') AND erased_at IS NULL;
INSERT INTO customers (external_ref, email, name, phone, tier, lifetime_value, currency, created_at, updated_at, version)
  VALUES (:ikey, :ikey::text || '@example.com', 'Load Test', '+34 600 000 000', 'standard', NULL, NULL,
          current_timestamp, current_timestamp, 1)
  ON CONFLICT DO NOTHING RETURNING id AS customer_id \gset
INSERT INTO audit_log (occurred_at, actor_id, actor_name, action, subject, details)
  VALUES (current_timestamp, 1, 'Administrator', 'customer.created', 'customer:' || :customer_id::text, :ikey);
INSERT INTO recovery_cases (customer_id, channel, category, severity, subject, status, opened_at, updated_at, version)
  VALUES (:customer_id, 'EMAIL', 'delivery', 2, 'Parcel arrived broken', 'NEW', current_timestamp, current_timestamp, 1)
  RETURNING id AS case_id \gset
INSERT INTO case_timeline (case_id, occurred_at, actor_id, actor_name, kind, summary, internal)
  VALUES (:case_id, current_timestamp, 1, 'Administrator', 'opened', 'Complaint received via email (delivery, severity 2)', false);
INSERT INTO case_messages (case_id, direction, channel, author, subject, body, received_at)
  VALUES (:case_id, 'INBOUND', 'email', 'Load Test', 'Parcel arrived broken',
          'The box was crushed and the vase inside is in pieces. I need this sorted before Friday.', current_timestamp);
INSERT INTO audit_log (occurred_at, actor_id, actor_name, action, subject, details)
  VALUES (current_timestamp, 1, 'Administrator', 'case.opened', 'case:' || 'RC-' || :case_id::text, 'Parcel arrived broken');
UPDATE customer_risk SET complained_at = current_timestamp WHERE customer_id = :customer_id;
INSERT INTO customer_risk (customer_id, score, scored_at, complained_at) VALUES (:customer_id, 0, current_timestamp, current_timestamp)
  ON CONFLICT DO NOTHING;
INSERT INTO sla_clocks (case_id, target, policy_id, started_at, warn_at, due_at)
  VALUES (:case_id::bigint, 'ACKNOWLEDGE', 3, current_timestamp, current_timestamp + interval '96 minutes', current_timestamp + interval '2 hours'),
         (:case_id::bigint, 'RESOLVE', 3, current_timestamp, current_timestamp + interval '38 hours', current_timestamp + interval '48 hours')
  ON CONFLICT DO NOTHING;
INSERT INTO sla_queue (case_id, due_at, warn_at, team_id, assignee_id, severity, status, category, channel, opened_at)
  SELECT c.id, m.due_at, m.warn_at, c.team_id, c.assignee_id, c.severity, c.status, c.category, c.channel, c.opened_at
  FROM recovery_cases c, (SELECT min(k.due_at) AS due_at, min(k.warn_at) AS warn_at FROM sla_clocks k
                          WHERE k.case_id = :case_id AND k.met_at IS NULL AND k.stopped_at IS NULL AND k.paused_at IS NULL) m
  WHERE c.id = :case_id AND NOT EXISTS (SELECT 1 FROM sla_queue q WHERE q.case_id = :case_id);
SELECT case_id, target, policy_id, warn_at, due_at, paused_at FROM sla_clocks
  WHERE case_id IN (:case_id) AND met_at IS NULL AND stopped_at IS NULL;
UPDATE intake_keys SET case_id = :case_id WHERE idempotency_key = :ikey;
COMMIT;
