-- The sender's scan: pending deliveries by when they are due.
create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where state = 'PENDING';
-- Order per endpoint and case: an earlier pending delivery for the same case holds the later ones back.
create index webhook_deliveries_case on webhook_deliveries (endpoint_id, case_id, id) where state = 'PENDING';
