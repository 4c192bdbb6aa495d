-- No read needs customer_risk's index on last_activity_at: the falling-activity sweep walks
-- the table by customer_id (its plan uses the primary key, with or without this index), and
-- nothing else filters or sorts on it. It cost a write on every new customer's risk row and
-- on every recorded order or delivery (which moves last_activity_at).
drop index if exists customer_risk_activity;
