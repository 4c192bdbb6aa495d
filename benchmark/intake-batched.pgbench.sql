-- What intake could reach if concurrent complaints were written together: the same work as
-- intake-same-work.pgbench.sql (key, customer, case with its message and first timeline line,
-- key's link, risk row, two clocks and the queue row, two audit lines), for :k complaints from
-- new customers in one transaction, each table written by one multi-row statement. Not what the
-- application does (ADR 18): the ceiling of that design, to compare with the other two scripts.
-- Needs -M prepared and -D k=<complaints per transaction>; one transaction is k intakes.
BEGIN;
WITH claimed AS (INSERT INTO intake_keys (idempotency_key, fingerprint, created_at)
  SELECT gen_random_uuid()::text, md5(random()::text), current_timestamp FROM generate_series(1, :k)
  ON CONFLICT DO NOTHING RETURNING idempotency_key)
SELECT array_agg(idempotency_key) AS ikeys FROM claimed \gset
WITH wanted AS (SELECT unnest(:ikeys::text[]) AS ref),
 found AS (SELECT id, external_ref FROM customers
  WHERE (external_ref = any(:ikeys::text[]) OR email = any(:ikeys::text[])) AND erased_at IS NULL),
 inserted AS (INSERT INTO customers (external_ref, email, name, phone, tier, lifetime_value, currency, created_at, updated_at, version)
  SELECT w.ref, w.ref || '@example.com', 'Load Test', '+34 600 000 000', 'standard', NULL, NULL, current_timestamp,
         current_timestamp, 1
  FROM wanted w WHERE NOT EXISTS (SELECT 1 FROM found f WHERE f.external_ref = w.ref) ON CONFLICT DO NOTHING RETURNING id)
SELECT array_agg(id) AS customer_ids FROM inserted \gset
WITH opened AS (INSERT INTO recovery_cases (customer_id, channel, category, severity, subject, status, opened_at, updated_at, version)
  SELECT cid, 'EMAIL', 'delivery', 2, 'Parcel arrived broken', 'NEW', current_timestamp, current_timestamp, 1
  FROM unnest(:customer_ids::bigint[]) cid RETURNING id),
 message AS (INSERT INTO case_messages (case_id, direction, channel, author, subject, body, received_at)
  SELECT id, 'INBOUND', 'email', 'Load Test', 'Parcel arrived broken',
         'The box was crushed and the vase inside is in pieces. I need this sorted before Friday.', current_timestamp FROM opened),
 line0 AS (INSERT INTO case_timeline (case_id, occurred_at, actor_id, actor_name, kind, summary, internal)
  SELECT id, current_timestamp, 1, 'Administrator', 'opened', 'Complaint received via email (delivery, severity 2)', false
  FROM opened)
SELECT array_agg(id) AS case_ids FROM opened \gset
UPDATE intake_keys SET case_id = u.case_id FROM unnest(:ikeys::text[], :case_ids::bigint[]) AS u(ikey, case_id)
  WHERE idempotency_key = u.ikey;
INSERT INTO customer_risk (customer_id, score, scored_at, complained_at)
  SELECT cid, 0, current_timestamp, current_timestamp FROM unnest(:customer_ids::bigint[]) cid
  ON CONFLICT (customer_id) DO UPDATE SET complained_at = excluded.complained_at;
WITH started AS (INSERT INTO sla_clocks (case_id, target, policy_id, started_at, warn_at, due_at)
  SELECT cid, t.target, 3, current_timestamp, current_timestamp + t.warn, current_timestamp + t.due
  FROM unnest(:case_ids::bigint[]) cid,
       (VALUES ('ACKNOWLEDGE', interval '96 minutes', interval '2 hours'), ('RESOLVE', interval '38 hours', interval '48 hours'))
       AS t(target, warn, due)
  ON CONFLICT DO NOTHING RETURNING case_id, due_at, warn_at)
INSERT INTO sla_queue (case_id, due_at, warn_at, team_id, assignee_id, severity, status, category, channel, opened_at)
  SELECT c.id, m.due_at, m.warn_at, c.team_id, c.assignee_id, c.severity, c.status, c.category, c.channel, c.opened_at
  FROM recovery_cases c
  JOIN (SELECT case_id, min(due_at) AS due_at, min(warn_at) AS warn_at FROM started GROUP BY case_id) m ON m.case_id = c.id
  WHERE NOT EXISTS (SELECT 1 FROM sla_queue q WHERE q.case_id = c.id);
-- (no colon inside the literals below: pgbench would read it as a variable)
INSERT INTO audit_log (occurred_at, actor_id, actor_name, action, subject, details)
  SELECT current_timestamp, 1, 'Administrator', a.action, a.subject || id::text, 'Parcel arrived broken'
  FROM unnest(:case_ids::bigint[]) id, (VALUES ('customer.created', 'customer-'), ('case.opened', 'case-RC-')) AS a(action, subject);
COMMIT;
