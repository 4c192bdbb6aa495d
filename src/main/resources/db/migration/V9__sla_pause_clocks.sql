-- sla: a clock is paused while the case waits on the customer; resuming moves its due time.
alter table sla_clocks add column paused_at timestamp with time zone;
