-- When a customer's personal data was erased (their row stays, anonymised, so counts stay true).
alter table customers add column erased_at timestamp with time zone;
