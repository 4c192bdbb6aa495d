package org.redress.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Six months of closed cases behind the live demo, so that the Insights page tells a story on
 * the first start: Customer care answers within the hour and recovers more than Phone &
 * stores; carrier delays lead the causes until the lesson's action three months ago; a few
 * promises broken; recovered customers come back more often than those who were not.
 *
 * <p>The past cannot go through the services, which stamp every change with the present, so
 * it is written with SQL into the documented columns of each module's tables, as those
 * modules would have written them. The same every time (a fixed seed), in one transaction
 * of multi-row inserts. It runs before the live demo's cases: the insights refresh reads
 * cases by {@code updated_at} from where it got to, which on a new installation is the
 * beginning, so it reads the past first and then the present.
 */
@Component
class DemoHistory {

    private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);
    private static final long SEED = 13;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;

    DemoHistory(JdbcClient jdbc, Clock clock, ZoneId businessZone) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = businessZone;
    }

    /** Loads the past of these teams (the first the quicker to answer); returns how many cases it wrote. */
    @Transactional
    public int load(List<PastTeam> teams) {
        long started = System.nanoTime();
        Instant now = clock.instant();
        Random random = new Random(SEED);
        PastCases planner = new PastCases(random, now, zone, teams);
        List<PastCase> cases = planner.plan();
        PastActions.assign(cases, now, zone);
        writeCustomers(planner.customers());
        PastTimeline timeline = new PastTimeline();
        PastCaseRecords records = new PastCaseRecords(jdbc, timeline);
        records.writeCases(cases);
        records.writeRecords(cases);
        new PastClocks(jdbc, timeline, zone).write(cases);
        new PastRemedies(jdbc, timeline, zone).write(cases);
        new PastSurveys(jdbc, timeline, random).write(cases, planner.customers());
        timeline.write(jdbc, cases);
        new PastActivity(jdbc, random, now).write(cases);
        log.info("Demo data: {} closed cases of the last {} days written in {} ms.", cases.size(), PastCases.DAYS,
            (System.nanoTime() - started) / 1_000_000);
        return cases.size();
    }

    private void writeCustomers(List<PastCustomer> customers) {
        Rows rows = new Rows(jdbc, "customers",
            "external_ref, email, name, tier, lifetime_value, currency, created_at, updated_at, version");
        for (PastCustomer customer : customers) {
            rows.add(customer.ref, customer.email, customer.name, customer.tier,
                java.math.BigDecimal.valueOf(customer.lifetimeValueCents, 2), "EUR", customer.since, customer.since, 0);
        }
        List<Long> ids = rows.writeReturningIds();
        for (int i = 0; i < customers.size(); i++) {
            customers.get(i).id = ids.get(i);
        }
    }

    /** The end of a promised day in the business's time zone, as the promises module sets a resolution's due time. */
    static Instant endOf(LocalDate day, ZoneId zone) {
        return day.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1_000);
    }
}
