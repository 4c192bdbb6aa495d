package org.redress.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.redress.Http;
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
}
