-- PostgreSQL's ceiling for the application's own intake transaction: the statements one
-- complaint from a new customer makes, in the order the application sends them (taken
-- from PostgreSQL's statement log), one round trip each. Compare with intake.pgbench.sql,
-- the minimal four-insert transaction. Needs -M prepared (as the JDBC driver prepares; the
-- key read back is then passed as a parameter).
BEGIN;
-- the idempotency key is claimed
INSERT INTO intake_keys (idempotency_key, fingerprint, created_at)
  VALUES (gen_random_uuid()::text, md5(random()::text), current_timestamp) ON CONFLICT DO NOTHING RETURNING idempotency_key AS ikey \gset
-- the customer is found, or inserted when there is none
WITH found AS (SELECT id, external_ref, email FROM customers WHERE (external_ref = :ikey OR email = :ikey::text || '@example.com') AND erased_at IS NULL),
 inserted AS (INSERT INTO customers (external_ref, email, name, phone, tier, lifetime_value, currency, created_at, updated_at, version)
  SELECT :ikey, :ikey::text || '@example.com', 'Load Test', '+34 600 000 000', 'standard', NULL, NULL, current_timestamp, current_timestamp, 1
  WHERE NOT EXISTS (SELECT 1 FROM found) ON CONFLICT DO NOTHING RETURNING id)
SELECT id AS customer_id, external_ref, email, false AS inserted FROM found UNION ALL SELECT id, NULL, NULL, true FROM inserted \gset
-- the case, the customer's message, the first timeline line, the key's link
WITH opened AS (INSERT INTO recovery_cases (customer_id, channel, category, severity, subject, status, opened_at, updated_at, version)
  VALUES (:customer_id, 'EMAIL', 'delivery', 2, 'Parcel arrived broken', 'NEW', current_timestamp, current_timestamp, 1) RETURNING id),
 message AS (INSERT INTO case_messages (case_id, direction, channel, author, subject, body, received_at)
  SELECT id, 'INBOUND', 'email', 'Load Test', 'Parcel arrived broken',
         'The box was crushed and the vase inside is in pieces. I need this sorted before Friday.', current_timestamp FROM opened),
 line0 AS (INSERT INTO case_timeline (case_id, occurred_at, actor_id, actor_name, kind, summary, internal)
  SELECT id, current_timestamp, 1, 'Administrator', 'opened', 'Complaint received via email (delivery, severity 2)', false FROM opened),
 keyed AS (UPDATE intake_keys SET case_id = (SELECT id FROM opened) WHERE idempotency_key = :ikey)
SELECT id AS case_id FROM opened \gset
-- the customer spoke up (risk)
INSERT INTO customer_risk (customer_id, score, scored_at, complained_at) VALUES (:customer_id, 0, current_timestamp, current_timestamp)
  ON CONFLICT (customer_id) DO UPDATE SET complained_at = excluded.complained_at;
-- the first clocks and the queue row
WITH started AS (INSERT INTO sla_clocks (case_id, target, policy_id, started_at, warn_at, due_at)
  VALUES (:case_id::bigint, 'ACKNOWLEDGE', 3, current_timestamp, current_timestamp + interval '96 minutes', current_timestamp + interval '2 hours'),
         (:case_id::bigint, 'RESOLVE', 3, current_timestamp, current_timestamp + interval '38 hours', current_timestamp + interval '48 hours')
  ON CONFLICT DO NOTHING RETURNING due_at, warn_at)
INSERT INTO sla_queue (case_id, due_at, warn_at, team_id, assignee_id, severity, status, category, channel, opened_at)
  SELECT c.id, m.due_at, m.warn_at, c.team_id, c.assignee_id, c.severity, c.status, c.category, c.channel, c.opened_at
  FROM recovery_cases c, (SELECT min(r.due_at) AS due_at, min(r.warn_at) AS warn_at FROM
    (SELECT due_at, warn_at FROM started UNION ALL SELECT k.due_at, k.warn_at FROM sla_clocks k
     WHERE k.case_id = :case_id AND k.met_at IS NULL AND k.stopped_at IS NULL AND k.paused_at IS NULL) r) m
  WHERE c.id = :case_id AND NOT EXISTS (SELECT 1 FROM sla_queue q WHERE q.case_id = :case_id);
-- the audit lines, together at commit
INSERT INTO audit_log (occurred_at, actor_id, actor_name, action, subject, details)
  VALUES (current_timestamp, 1, 'Administrator', 'customer.created', 'customer:' || :customer_id::text, :ikey),
         (current_timestamp, 1, 'Administrator', 'case.opened', 'case:' || 'RC-' || :case_id::text, 'Parcel arrived broken');
COMMIT;
