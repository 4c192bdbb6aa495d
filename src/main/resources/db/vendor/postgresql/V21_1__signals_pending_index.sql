-- Only the unprocessed events, so the index stays small however many events are kept.
create index business_events_pending on business_events (id) where processed_at is null;
