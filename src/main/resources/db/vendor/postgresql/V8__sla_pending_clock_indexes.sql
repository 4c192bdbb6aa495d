-- PostgreSQL only: the sweep looks for clocks still pending; partial indexes keep that
-- look-up small however many met, stopped or breached clocks accumulate over the years.
create index sla_clocks_pending_due on sla_clocks (due_at)
    where breached_at is null and met_at is null and stopped_at is null;
create index sla_clocks_pending_warn on sla_clocks (warn_at)
    where warned_at is null and breached_at is null and met_at is null and stopped_at is null;
