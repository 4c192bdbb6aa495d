-- insights: the days whose daily figures (insight_daily, ADR 16) wait to be counted again.
-- While the refresh works off a backlog, each batch touches the same days (today, or the days
-- of cases changed together), and counting them again after every batch read all their facts
-- each time: the longer the backlog, the slower each batch. The days are kept here instead and
-- counted once it has caught up; until then the reports read the facts.
create table insight_days_to_count (
    on_day date primary key
);
