-- insights: the causes report from the daily figures (ADR 16). Lines of dim CAUSE, keyed by
-- the root cause, for the cases opened that day with one; and on every line, of the cases
-- opened that day, how many were ours, partly ours or not ours, and how many recur.
alter table insight_daily add column ours integer not null default 0;
alter table insight_daily add column partly_ours integer not null default 0;
alter table insight_daily add column not_ours integer not null default 0;
alter table insight_daily add column recurring integer not null default 0;
-- Counted again by the next refresh, with the new columns and lines.
update insight_refresh set daily_zone = null;
