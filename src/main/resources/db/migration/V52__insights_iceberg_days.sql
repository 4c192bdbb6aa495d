-- Insights: the iceberg day by day (customers who complained in the 7 days up to the day, and
-- those with negative signals who did not), recorded by a scheduled job from the risk module's
-- customer_risk, which holds only each customer's latest signal and complaint: kept here, the
-- iceberg can be followed over time.
create table insight_iceberg_days (
    counted_on     date primary key,
    complained     bigint not null,
    with_negative  bigint not null,
    silent         bigint not null,
    outreach       bigint not null,
    recorded_at    timestamp with time zone not null
);
