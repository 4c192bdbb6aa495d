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
import org.redress.Http;
import org.redress.MovableClock;
import org.redress.Nodes;

import tools.jackson.databind.JsonNode;

/** The summary on the zero-setup default (H2): the refresh and the percentiles run the same SQL there. */
class InsightsOnH2Tests {

    @Test
    void theScheduledRefreshFeedsTheSummaryOnH2() throws InterruptedException {
        String name = "insights-" + UUID.randomUUID().toString().substring(0, 8);
        try (var node = Nodes.start("jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                false, "--redress.insights.refresh-every=1s")) {
            Http admin = Nodes.admin(node);
            String number = admin.post("/api/v1/complaints", Map.of(
                "customer", Map.of("externalRef", "H2-I", "name", "Maria Lopez", "email", "h2-i@example.com"),
                "channel", "email", "category", "delivery", "severity", 2, "subject", "Parcel arrived broken",
                "message", "The box was crushed.")).json().get("number").asString();
            admin.post("/api/v1/cases/" + number + "/acknowledge", Map.of("message", "We are on it."));

            JsonNode figures = admin.get("/api/v1/insights/summary").json().get("figures");
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (figures.get("toAcknowledge").get("cases").asLong() < 1 && Instant.now().isBefore(deadline)) {
                Thread.sleep(250);
                figures = admin.get("/api/v1/insights/summary").json().get("figures");
            }

            assertThat(figures.get("opened").asLong()).isEqualTo(1);
            assertThat(figures.get("toAcknowledge").get("cases").asLong()).isEqualTo(1);
            assertThat(figures.get("toAcknowledge").get("medianMinutes").asDouble()).isBetween(0.0, 5.0);
            assertThat(figures.get("recoveryRate").isNull()).isTrue();
        }
    }

    @Test
    void retentionIsCountedOnH2AsTheClockMovesOn() throws InterruptedException {
        String name = "retention-" + UUID.randomUUID().toString().substring(0, 8);
        MovableClock clock = new MovableClock();
        try (var node = Nodes.start("jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                false, clock, "--redress.insights.refresh-every=1s")) {
            Http admin = Nodes.admin(node);
            Http shop = Nodes.integration(node);
            String number = admin.post("/api/v1/complaints", Map.of(
                "customer", Map.of("externalRef", "H2-R", "name", "Maria Lopez", "email", "h2-r@example.com"),
                "channel", "email", "category", "delivery", "severity", 2, "subject", "Parcel arrived broken",
                "message", "The box was crushed.")).json().get("number").asString();
            admin.post("/api/v1/cases/" + number + "/acknowledge", Map.of());
            admin.post("/api/v1/cases/" + number + "/close", Map.of("outcome", "not-recovered", "note", "The customer left"));
            Instant closed = clock.instant();
            // A customer who did not complain, active in the same days, as the baseline.
            post(shop, "H2-B", "ORDER_PLACED", closed);
            String today = LocalDate.ofInstant(closed, ZoneOffset.UTC).toString();

            clock.advance(Duration.ofDays(40));
            post(shop, "H2-R", "ORDER_PLACED", closed.plus(Duration.ofDays(10)));
            post(shop, "H2-B", "SERVICE_VISIT", closed.plus(Duration.ofDays(35)));
            JsonNode groups = admin.get("/api/v1/insights/retention?from=" + today + "&to=" + today).json().get("groups");
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (groups.get(1).get("windows").get(0).get("activeAgain").asLong() < 1 && Instant.now().isBefore(deadline)) {
                Thread.sleep(250);
                groups = admin.get("/api/v1/insights/retention?from=" + today + "&to=" + today).json().get("groups");
            }

            JsonNode lost = groups.get(1);
            assertThat(lost.get("group").asString()).isEqualTo("NOT_RECOVERED");
            assertThat(lost.get("customers").asLong()).isEqualTo(1);
            assertThat(lost.get("windows").get(0).get("activeAgain").asLong()).isEqualTo(1);
            assertThat(lost.get("windows").get(0).get("percent").asDouble()).isEqualTo(100.0);
            assertThat(lost.get("windows").get(1).get("customers").asLong()).as("90 days have not passed").isZero();
            JsonNode baseline = groups.get(2);
            assertThat(baseline.get("group").asString()).isEqualTo("NEVER_COMPLAINED");
            assertThat(baseline.get("customers").asLong()).isEqualTo(1);
            assertThat(baseline.get("windows").get(0).get("customers").asLong()).isEqualTo(1);
            assertThat(baseline.get("windows").get(0).get("activeAgain").asLong()).as("back on day 35: not within 30").isZero();
            assertThat(groups.get(0).get("customers").asLong()).as("nobody recovered").isZero();
        }
    }

    private static void post(Http shop, String customerRef, String type, Instant at) {
        Http.Response stored = shop.post("/api/v1/events", Map.of("events", List.of(Map.of("eventId", UUID.randomUUID().toString(),
            "type", type, "customerRef", customerRef, "occurredAt", at.toString()))));
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
    }
}
