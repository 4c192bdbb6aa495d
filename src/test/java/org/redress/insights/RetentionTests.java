package org.redress.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.redress.CaseWalk;
import org.redress.Http;
import org.redress.MovableClock;
import org.redress.Nodes;
import org.redress.PostgresDatabase;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;

/**
 * Retention after recovery, with time moved forward on a node of its own (its clock, its
 * database): who came back within 30, 90 and 180 days of their case's close, beside the
 * customers who did not complain, counted only once each window has passed; and what
 * recovers customers (first answer × apology × remedy) over the same cases. The same history
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
            // Answered two days late, then a remedy the customer accepted; not recovered all the same.
            String slow = complaint(admin, "L-1");
            clock.advance(Duration.ofDays(2));
            LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
            acceptedRemedy(node, admin, slow, today);
            admin.post("/api/v1/cases/" + slow + "/close", Map.of("outcome", "not-recovered", "note", "Still unhappy"));
            CaseWalk.closeAsRecovered(admin, complaint(admin, "R-1"), today);
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
            JsonNode early = caughtUp(admin, period, clock);

            assertThat(window(early, "RECOVERED", 30)).isEqualTo("1 of 1 (100.0%)");
            assertThat(window(early, "RECOVERED", 90)).isEqualTo("0 of 0 (none)");
            assertThat(window(early, "NOT_RECOVERED", 30)).as("a delivery is not the customer coming back").isEqualTo("0 of 1 (0.0%)");
            assertThat(window(early, "NOT_RECOVERED", 180)).isEqualTo("0 of 0 (none)");
            assertThat(window(early, "NEVER_COMPLAINED", 30)).isEqualTo("0 of 1 (0.0%)");

            // Two hundred days on: the customer not recovered came back once, on day 100.
            clock.advance(Duration.ofDays(140));
            post(shop, "L-1", "SERVICE_VISIT", closed.plus(Duration.ofDays(100)));
            JsonNode late = caughtUp(admin, period, clock);

            assertThat(window(late, "RECOVERED", 180)).isEqualTo("1 of 1 (100.0%)");
            assertThat(window(late, "NOT_RECOVERED", 30)).isEqualTo("0 of 1 (0.0%)");
            assertThat(window(late, "NOT_RECOVERED", 90)).isEqualTo("0 of 1 (0.0%)");
            assertThat(window(late, "NOT_RECOVERED", 180)).isEqualTo("1 of 1 (100.0%)");
            assertThat(window(late, "NEVER_COMPLAINED", 90)).isEqualTo("1 of 1 (100.0%)");
            for (JsonNode group : late.get("groups")) {
                assertThat(group.get("customers").asLong()).as(group.get("group").asString()).isEqualTo(1);
            }

            // What recovers: each case in its cell; retention known now that 90 days have passed.
            JsonNode recovers = admin.get(period.replace("retention", "what-recovers")).json();
            assertThat(cell(recovers, "WITHIN_AN_HOUR/true/false")).isEqualTo("1 closed, 1 recovered, 1 of 1 retained");
            assertThat(cell(recovers, "WITHIN_AN_HOUR/false/false")).as("came back on day 100: past the 90 days")
                .isEqualTo("1 closed, 0 recovered, 0 of 1 retained");
            assertThat(cell(recovers, "LATER/false/true")).isEqualTo("1 closed, 0 recovered, 0 of 1 retained");
            assertThat(cell(recovers, "WITHIN_A_DAY/true/true")).isEqualTo("0 closed, 0 recovered, 0 of 0 retained");
            assertThat(practice(recovers, "Within an hour")).isEqualTo("2 closed, 1 recovered, 1 of 2 retained");
            assertThat(practice(recovers, "Remedy")).isEqualTo("1 closed, 0 recovered, 0 of 1 retained");
            assertThat(practice(recovers, "No apology")).isEqualTo("2 closed, 0 recovered, 0 of 2 retained");
            JsonNode hour = recovers.get("practices").get(0).get("outcome");
            assertThat(hour.get("recoveredPercent").asDouble()).isEqualTo(50.0);
            assertThat(hour.get("recoveredLow").asDouble()).isEqualTo(9.5);
            assertThat(hour.get("recoveredHigh").asDouble()).isEqualTo(90.5);
            assertThat(hour.get("tooFew").asBoolean()).isTrue();

            // The causes of the cases opened in those days: the recovered one's, and one not found.
            JsonNode causes = admin.get(period.replace("retention", "causes")).json();
            assertThat(causes.get("cases").asLong()).isEqualTo(2);
            assertThat(causes.get("withoutCause").asLong()).isEqualTo(1);
            assertThat(causes.get("causes").get(0).get("code").asString()).isEqualTo("carrier-delay");
            assertThat(causes.get("causes").get(0).get("recurring").asLong()).isZero();

            // No survey was sent here; the slow case's accepted remedy is its customer's goodwill (value unknown).
            JsonNode satisfaction = admin.get(period.replace("retention", "satisfaction")).json();
            assertThat(satisfaction.get("scores").size()).isZero();
            assertThat(satisfaction.get("pairs").size()).isZero();
            JsonNode goodwill = admin.get("/api/v1/insights/goodwill?from=" + day.minusDays(3) + "&to=" + day.plusDays(1)).json();
            assertThat(goodwill.get("granted").asString()).isEqualTo("10.00");
            assertThat(goodwill.get("againstLifetimeValue").get("customers").asLong()).isZero();
        }
    }

    // An offer the customer accepts on their page, after the case was acknowledged and heard.
    private static void acceptedRemedy(ConfigurableApplicationContext node, Http admin, String number, LocalDate today) {
        String c = "/api/v1/cases/" + number;
        admin.post(c + "/acknowledge", Map.of("message", "Sorry for the wait."));
        admin.post(c + "/listen", Map.of("account", "The box was crushed."));
        long remedy = admin.post(c + "/remedies", Map.of("type", "goodwill", "amount", "10.00", "description", "For the wait"))
            .json().get("id").asLong();
        String link = admin.post("/api/v1/remedies/" + remedy + "/offer",
            Map.of("deliverBy", today.plusDays(30).toString())).json().get("customerLink").asString();
        String page = link.substring(link.indexOf("/c/"));
        Http.Response accepted = Http.anonymous(Integer.parseInt(node.getEnvironment().getProperty("local.server.port")))
            .postFormWithCsrf(page, page + "/offers/" + remedy + "/accept", Map.of());
        assertThat(accepted.status()).as(accepted.body()).isLessThan(400);
        assertThat(admin.get("/api/v1/remedies/" + remedy).json().get("state").asString()).isEqualTo("ACCEPTED");
    }

    // "n closed, n recovered, n of n retained" for one combination or one practice, as the page would read.
    private static String cell(JsonNode report, String key) {
        for (JsonNode cell : report.get("cells")) {
            String at = cell.get("firstAnswer").asString() + "/" + cell.get("apology").asBoolean() + "/" + cell.get("remedy").asBoolean();
            if (at.equals(key)) {
                return outcome(cell.get("outcome"));
            }
        }
        throw new AssertionError("no cell " + key + " in " + report);
    }

    private static String practice(JsonNode report, String group) {
        for (JsonNode practice : report.get("practices")) {
            if (practice.get("group").asString().equals(group)) {
                return outcome(practice.get("outcome"));
            }
        }
        throw new AssertionError("no practice " + group + " in " + report);
    }

    private static String outcome(JsonNode outcome) {
        return outcome.get("closed").asLong() + " closed, " + outcome.get("recovered").asLong() + " recovered, "
            + outcome.get("retained").asLong() + " of " + outcome.get("retentionKnown").asLong() + " retained";
    }

    // The refresh runs every second on the node, the cases and then the business events: ask until
    // it has finished two runs since now (its time, asOf, moved on twice), so that one whole run
    // began after the events just sent and has read them.
    private static JsonNode caughtUp(Http admin, String period, MovableClock clock) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        Instant since = clock.instant();
        for (int runs = 0; runs < 2 && Instant.now().isBefore(deadline); ) {
            Instant asOf = Instant.parse(admin.get(period).json().get("asOf").asString());
            if (asOf.isAfter(since)) {
                since = asOf;
                runs++;
            } else {
                Thread.sleep(100);
            }
        }
        return admin.get(period).json();
    }

    private static String complaint(Http admin, String customerRef) {
        return admin.post("/api/v1/complaints", Map.of(
            "customer", Map.of("externalRef", customerRef, "name", "Maria Lopez", "email", customerRef.toLowerCase() + "@example.com"),
            "channel", "email", "category", "delivery", "severity", 2, "subject", "Parcel arrived broken",
            "message", "The box was crushed.")).json().get("number").asString();
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
