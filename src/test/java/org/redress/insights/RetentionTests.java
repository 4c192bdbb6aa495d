package org.redress.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.redress.Http;
import org.redress.MovableClock;
import org.redress.Nodes;
import org.redress.PostgresDatabase;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;

/**
 * Retention after recovery, with time moved forward on a node of its own (its clock, its
 * database): who came back within 30, 90 and 180 days of their case's close, beside the
 * customers who did not complain, counted only once each window has passed. The same history
 * on PostgreSQL and on the default database (H2), with exact counts.
 */
class RetentionTests {

    @Test
    void retentionOnPostgres() throws InterruptedException {
        retentionOn(PostgresDatabase.fresh());
    }

    @Test
    void retentionOnH2() throws InterruptedException {
        retentionOn("jdbc:h2:mem:retention-" + UUID.randomUUID().toString().substring(0, 8)
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }

    private void retentionOn(String url) throws InterruptedException {
        MovableClock clock = new MovableClock();
        try (ConfigurableApplicationContext node = Nodes.start(url, false, clock, "--redress.insights.refresh-every=1s")) {
            Http admin = Nodes.admin(node);
            Http shop = Nodes.integration(node);
            closeAsRecovered(admin, complaint(admin, "R-1"));
            String lost = complaint(admin, "L-1");
            admin.post("/api/v1/cases/" + lost + "/acknowledge", Map.of());
            admin.post("/api/v1/cases/" + lost + "/close", Map.of("outcome", "not-recovered", "note", "The customer left"));
            Instant closed = clock.instant();
            // Active in the same days without complaining: the baseline.
            post(shop, "B-1", "ORDER_PLACED", closed);
            LocalDate day = LocalDate.ofInstant(closed, ZoneOffset.UTC);
            // A day either side, so that a run at midnight still finds its closes in the period.
            String period = "/api/v1/insights/retention?from=" + day.minusDays(1) + "&to=" + day.plusDays(1);

            // Sixty days on: the recovered customer ordered again on day 20, the baseline customer
            // came back on day 50; the 90- and 180-day windows have not passed yet.
            clock.advance(Duration.ofDays(60));
            post(shop, "R-1", "ORDER_PLACED", closed.plus(Duration.ofDays(20)));
            post(shop, "L-1", "DELIVERED", closed.plus(Duration.ofDays(25)));
            post(shop, "B-1", "SERVICE_VISIT", closed.plus(Duration.ofDays(50)));
            JsonNode early = refreshed(admin, period, report -> window(report, "RECOVERED", 30).equals("1 of 1 (100.0%)"));

            assertThat(window(early, "RECOVERED", 30)).isEqualTo("1 of 1 (100.0%)");
            assertThat(window(early, "RECOVERED", 90)).isEqualTo("0 of 0 (none)");
            assertThat(window(early, "NOT_RECOVERED", 30)).as("a delivery is not the customer coming back").isEqualTo("0 of 1 (0.0%)");
            assertThat(window(early, "NOT_RECOVERED", 180)).isEqualTo("0 of 0 (none)");
            assertThat(window(early, "NEVER_COMPLAINED", 30)).isEqualTo("0 of 1 (0.0%)");

            // Two hundred days on: the customer not recovered came back once, on day 100.
            clock.advance(Duration.ofDays(140));
            post(shop, "L-1", "SERVICE_VISIT", closed.plus(Duration.ofDays(100)));
            JsonNode late = refreshed(admin, period, report -> window(report, "NOT_RECOVERED", 180).equals("1 of 1 (100.0%)"));

            assertThat(window(late, "RECOVERED", 180)).isEqualTo("1 of 1 (100.0%)");
            assertThat(window(late, "NOT_RECOVERED", 30)).isEqualTo("0 of 1 (0.0%)");
            assertThat(window(late, "NOT_RECOVERED", 90)).isEqualTo("0 of 1 (0.0%)");
            assertThat(window(late, "NOT_RECOVERED", 180)).isEqualTo("1 of 1 (100.0%)");
            assertThat(window(late, "NEVER_COMPLAINED", 90)).isEqualTo("1 of 1 (100.0%)");
            for (JsonNode group : late.get("groups")) {
                assertThat(group.get("customers").asLong()).as(group.get("group").asString()).isEqualTo(1);
            }
        }
    }

    // The refresh runs every second on the node: ask until the figures show the events just sent.
    private static JsonNode refreshed(Http admin, String period, Predicate<JsonNode> ready) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonNode report = admin.get(period).json();
        while (!ready.test(report) && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            report = admin.get(period).json();
        }
        return report;
    }

    private static String complaint(Http admin, String customerRef) {
        return admin.post("/api/v1/complaints", Map.of(
            "customer", Map.of("externalRef", customerRef, "name", "Maria Lopez", "email", customerRef.toLowerCase() + "@example.com"),
            "channel", "email", "category", "delivery", "severity", 2, "subject", "Parcel arrived broken",
            "message", "The box was crushed.")).json().get("number").asString();
    }

    private static void closeAsRecovered(Http admin, String number) {
        String c = "/api/v1/cases/" + number;
        admin.post(c + "/acknowledge", Map.of("message", "We are on it."));
        admin.post(c + "/listen", Map.of("account", "The box was crushed."));
        admin.post(c + "/apologize", Map.of("apology", "I am sorry."));
        admin.post(c + "/identify-cause", Map.of("rootCause", "carrier-delay", "responsibility", "ours"));
        admin.post(c + "/explain", Map.of("explanation", "A fault at the depot."));
        admin.post(c + "/resolve", Map.of("resolution", "A new vase", "promisedBy", LocalDate.now(ZoneOffset.UTC).plusDays(1).toString()));
        admin.post(c + "/fulfil", Map.of("note", "Sent"));
        admin.post(c + "/follow-up", Map.of("satisfied", true, "satisfaction", 5));
        admin.post(c + "/learn", Map.of("lesson", "Pack vases twice."));
        Http.Response closed = admin.post(c + "/close", Map.of("outcome", "recovered"));
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
    }

    private static void post(Http shop, String customerRef, String type, Instant at) {
        Http.Response stored = shop.post("/api/v1/events", Map.of("events", List.of(Map.of("eventId", UUID.randomUUID().toString(),
            "type", type, "customerRef", customerRef, "occurredAt", at.toString()))));
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
    }

    // "how many came back of how many (share)" for a group's window, as a person would read it.
    static String window(JsonNode report, String group, int days) {
        for (JsonNode g : report.get("groups")) {
            if (g.get("group").asString().equals(group)) {
                for (JsonNode w : g.get("windows")) {
                    if (w.get("days").asInt() == days) {
                        return w.get("activeAgain").asLong() + " of " + w.get("customers").asLong() + " ("
                            + (w.get("percent").isNull() ? "none" : w.get("percent").asDouble() + "%") + ")";
                    }
                }
            }
        }
        throw new AssertionError("no " + group + " window of " + days + " days in " + report);
    }
}
