-- insights: when the refresh last ran, so a report can say how fresh it is without reading
-- every fact (a max over a million rows on each summary).
alter table insight_refresh add column refreshed_at timestamp with time zone;
