package org.redress.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the shop's systems reported over the past months (business_events, as the signals
 * module keeps them, long since processed): the order each complaint was about; whether
 * the customer ordered or visited again after their case closed, more often when they were
 * recovered, and more so when answered within the hour and apologised to; and the orders
 * and visits of customers who never complained, the baseline retention is read against.
 */
final class PastActivity {

    /** Customers who never complained, with orders and visits over the months. */
    private static final int CONTENT_CUSTOMERS = 1_200;

    private final Random random;
    private final Instant now;
    private final Rows events;
    private int count;

    PastActivity(JdbcClient jdbc, Random random, Instant now) {
        this.random = random;
        this.now = now;
        this.events = new Rows(jdbc, "business_events",
            "event_id, type, customer_ref, occurred_at, attributes, received_at, processed_at");
    }

    void write(List<PastCase> cases) {
        for (PastCase c : cases) {
            event(c.customer.ref, c.openedAt.minus(Duration.ofHours(24 * 2 + random.nextInt(24 * 18))));
            if (random.nextDouble() < comesBack(c)) {
                Instant again = c.closedAt.plus(days(28));
                while (again.isBefore(now)) {
                    event(c.customer.ref, again);
                    again = random.nextDouble() < 0.5 ? again.plus(days(40)) : now;
                }
            }
        }
        for (int n = 0; n < CONTENT_CUSTOMERS; n++) {
            String ref = "CUST-" + (60_001 + n);
            Instant at = now.minus(Duration.ofMinutes(random.nextInt(200 * 24 * 60)));
            while (at.isBefore(now)) {
                event(ref, at);
                at = random.nextDouble() < 0.8 ? at.plus(days(38)) : now;
            }
        }
        events.write();
    }

    private double comesBack(PastCase c) {
        if (c.outcome == null) {
            return 0.6;
        }
        boolean fastAndSorry = c.apologizedAt != null && Duration.between(c.openedAt, c.acknowledgedAt).toMinutes() <= 60;
        return c.recovered() ? (fastAndSorry ? 0.8 : 0.64) : (fastAndSorry ? 0.4 : c.apologizedAt != null ? 0.3 : 0.2);
    }

    // An order most times, else a visit to a store.
    private void event(String ref, Instant at) {
        boolean order = random.nextDouble() < 0.8;
        int n = ++count;
        events.add("demo-" + (order ? "order-" : "visit-") + n, order ? "ORDER_PLACED" : "SERVICE_VISIT", ref, at,
            order ? "{\"orderId\": \"" + (70_000 + n) + "\"}" : "{\"store\": \"Riverside\"}", at.plusSeconds(5),
            at.plusSeconds(30));
    }

    // Exponentially distributed, with this mean.
    private Duration days(int mean) {
        return Duration.ofMinutes((long) (-Math.log(1 - random.nextDouble()) * mean * 24 * 60));
    }
}
