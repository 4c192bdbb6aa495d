-- insights: retention read from columns kept by the refresh (ADR 17) instead of working out,
-- on every read, each customer's first activity in the period, their next one, whether they
-- had a case in it, and which of their closes was the last.
-- insight_activity: each moment a customer was active (an order or a service visit, from the
-- business events; by their reference, as the events know them), with their activity just
-- before and just after it (and how many seconds until the next), and, of their cases: whether one opened at or before it is still
-- open, the latest close of those opened at or before it, and the first opened after it. So
-- "the first activity in a period of a customer with no case in it" is a test on one row.
create table insight_activity (
    customer_ref    text not null,
    occurred_at     timestamp with time zone not null,
    previous_at     timestamp with time zone,
    next_at         timestamp with time zone,
    case_open       boolean not null default false,
    cases_closed_at timestamp with time zone,
    next_case_at    timestamp with time zone,
    seconds_to_next bigint,
    primary key (customer_ref, occurred_at)
);
-- Each closed case's next close (recovered or not) of the same customer, and of the same
-- customer by the same team: a case is the customer's last close in a period when the next
-- one is after it.
alter table insight_case_facts add column next_close_at timestamp with time zone;
alter table insight_case_facts add column next_team_close_at timestamp with time zone;
-- How long after the close the customer was active again, in whole seconds rounded up (as
-- seconds_to_next above): "within 30 days" is then a comparison of numbers, where adding an
-- interval to a moment for every row of a period took most of the report's time.
alter table insight_case_facts add column seconds_to_again bigint;
update insight_case_facts set seconds_to_again = cast(ceil(extract(epoch from active_again_at) - extract(epoch from closed_at)) as bigint)
 where active_again_at is not null and closed_at is not null;
-- False until the refresh has built them all from the business events and the facts (a new
-- install or this upgrade); until then retention works them out on every read, as before.
alter table insight_refresh add column activity_counted boolean not null default false;
