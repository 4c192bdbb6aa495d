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

/** The reports on the zero-setup default (H2): the refresh, the percentiles and every report's SQL run there too. */
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
            // Every breakdown, the drill-down, the proactive report and the ledger run their SQL on H2 too.
            for (String by : new String[] {"team", "agent", "category", "channel", "severity", "tier"}) {
                JsonNode parts = admin.get("/api/v1/insights/summary?by=" + by).json().get("breakdown");
                assertThat(parts.size()).as(by).isEqualTo(1);
                assertThat(parts.get(0).get("figures").get("opened").asLong()).as(by).isEqualTo(1);
            }
            JsonNode behind = admin.get("/api/v1/insights/cases?channel=email&severity=2&tier=standard&firstAnswer=within-an-hour"
                + "&apology=false&remedy=false").json();
            assertThat(behind.get("total").asLong()).isEqualTo(1);
            assertThat(behind.get("items").get(0).get("number").asString()).isEqualTo(number);
            assertThat(admin.get("/api/v1/insights/cases.csv?assignee=none").body().lines().count()).isEqualTo(2);
            node.getBean(IcebergHistory.class).record();
            JsonNode proactive = admin.get("/api/v1/insights/proactive").json();
            assertThat(proactive.get("incidents").get("affected").asLong()).isZero();
            assertThat(proactive.get("iceberg").size()).isEqualTo(1);
            assertThat(admin.get("/api/v1/insights/ledger?by=month").status()).isEqualTo(200);
            assertThat(admin.get("/api/v1/insights/wins").json().get("total").asLong()).isZero();
            assertThat(admin.get("/api/v1/insights/lessons").json().get("recorded").asLong()).isZero();
        }
    }
}
