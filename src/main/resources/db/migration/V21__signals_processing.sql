-- signals: each business event is processed once after it is stored (surveys, risk), by a
-- sweep that claims unprocessed events with skip locked. Events stored before this
-- migration count as processed, so an upgrade does not survey or score the past.
alter table business_events add column processed_at timestamp with time zone;
update business_events set processed_at = received_at;
alter table business_events add column process_error text;
