package org.redress.insights;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records today's iceberg (the 7 days up to now, as the Silent customers page counts it) in
 * {@code insight_iceberg_days}, again through the day, so each day keeps its last count. The
 * risk module keeps only each customer's latest signal, complaint and outreach; this is how the
 * iceberg is followed over weeks. Days before this ran (or while no node ran) have no row.
 */
@Component
class IcebergHistory {

    static final int WINDOW_DAYS = 7;

    private final JdbcClient jdbc;
    private final ZoneId zone;
    private final Clock clock;

    IcebergHistory(JdbcClient jdbc, ZoneId businessZone, Clock clock) {
        this.jdbc = jdbc;
        this.zone = businessZone;
        this.clock = clock;
    }

    @Transactional
    public void record() {
        Instant now = clock.instant();
        Timestamp since = Timestamp.from(now.minus(Duration.ofDays(WINDOW_DAYS)));
        Date today = Date.valueOf(LocalDate.ofInstant(now, zone));
        jdbc.sql("delete from insight_iceberg_days where counted_on = ?").param(today).update();
        jdbc.sql("""
                insert into insight_iceberg_days (counted_on, complained, with_negative, silent, outreach, recorded_at)
                select ?, count(case when complained_at >= ? then 1 end), count(case when last_negative_at >= ? then 1 end),
                       count(case when last_negative_at >= ? and (complained_at is null or complained_at < ?) then 1 end),
                       count(case when outreach_at >= ? then 1 end), ?
                from customer_risk""")
            .params(today, since, since, since, since, since, Timestamp.from(now))
            .update();
    }
}
