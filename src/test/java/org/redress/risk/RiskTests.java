package org.redress.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.redress.SignalsSupport;

import tools.jackson.databind.JsonNode;

/**
 * Silent-customer detection through the real path: business events in, processed once,
 * scored with decay, one outreach case at the threshold, the at-risk list and the iceberg.
 */
class RiskTests extends SignalsSupport {

    @Test
    void signalsDecayOverTime() {
        String fresh = "F-" + unique();
        String old = "O-" + unique();
        Instant now = Instant.now();
        sendAndProcess(List.of(
            event(fresh + "-late", "DELIVERY_LATE", fresh, now.minusSeconds(5), Map.of("orderId", "A-1", "minutesLate", 95)),
            // One half-life (14 days for a late delivery) ago: worth half.
            event(old + "-late", "DELIVERY_LATE", old, now.minus(14, ChronoUnit.DAYS), Map.of("orderId", "A-2"))));

        JsonNode freshRisk = risk(fresh);
        JsonNode oldRisk = risk(old);

        assertThat(freshRisk.get("score").asDouble()).isCloseTo(3.0, within(0.1));
        assertThat(oldRisk.get("score").asDouble()).isCloseTo(1.5, within(0.1));
        JsonNode reason = freshRisk.get("reasons").get(0);
        assertThat(reason.get("kind").asString()).isEqualTo("LATE_DELIVERY");
        assertThat(reason.get("latest").asString()).isEqualTo("Delivery late (order A-1, 95 min late)");
    }

    @Test
    void crossingTheThresholdOpensOneOutreachCaseNotOnePerEvent() {
        String ref = "T-" + unique();
        Instant now = Instant.now().minusSeconds(10);
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            events.add(event(ref + "-failed-" + i, "DELIVERY_FAILED", ref, now, Map.of("orderId", "F-" + i,
                "email", ref.toLowerCase() + "@example.com", "name", "Ines Duarte")));
        }
        sendAndProcess(events.subList(0, 1));
        assertThat(outreachCases(ref)).isEmpty(); // 6 points, under the threshold of 10

        sendAndProcess(events.subList(1, 5));

        List<JsonNode> cases = outreachCases(ref);
        assertThat(cases).hasSize(1);
        JsonNode opened = admin().get("/api/v1/cases/" + cases.get(0).get("number").asString()).json();
        assertThat(opened.get("channel").asString()).isEqualTo("proactive");
        assertThat(opened.get("subject").asString()).startsWith("Reach out: failed delivery");
        assertThat(admin().get("/api/v1/cases/" + opened.get("id").asLong() + "/messages").body())
            .contains("Nothing from the customer yet").doesNotContain("Failed delivery");
        assertThat(admin().get("/api/v1/cases/" + opened.get("id").asLong() + "/timeline").body())
            .contains("Ines Duarte may be unhappy and has not told us", "Failed delivery (2 times)"); // opened when the second one crossed the threshold
        JsonNode risk = risk(ref);
        assertThat(risk.get("score").asDouble()).isCloseTo(30.0, within(0.2));
        assertThat(risk.get("outreachCaseId").asLong()).isEqualTo(opened.get("id").asLong());

        // More trouble within the outreach period: still one case.
        sendAndProcess(List.of(event(ref + "-cancel", "CANCELLATION", ref, now, null)));
        assertThat(outreachCases(ref)).hasSize(1);
    }

    @Test
    void aCustomerWhoComplainedIsNotReachedOutToAndCountsAboveTheWaterline() {
        String complainer = "C-" + unique();
        String silent = "S-" + unique();
        JsonNode before = admin().get("/api/v1/risk/iceberg?days=30").json();
        open(admin(), complainer);
        Instant now = Instant.now().minusSeconds(10);
        List<Map<String, Object>> events = new ArrayList<>();
        for (String ref : List.of(complainer, silent)) {
            events.add(event(ref + "-1", "DELIVERY_FAILED", ref, now, null));
            events.add(event(ref + "-2", "DELIVERY_FAILED", ref, now, null));
        }
        sendAndProcess(events);

        assertThat(outreachCases(complainer)).isEmpty();
        assertThat(outreachCases(silent)).hasSize(1);
        JsonNode after = admin().get("/api/v1/risk/iceberg?days=30").json();
        assertThat(after.get("complained").asLong() - before.get("complained").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(after.get("silent").asLong() - before.get("silent").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(after.get("withNegativeSignals").asLong() - before.get("withNegativeSignals").asLong()).isGreaterThanOrEqualTo(2);
        List<String> listed = admin().get("/api/v1/risk/customers?limit=200").json().valueStream()
            .map(c -> c.get("externalRef").asString()).toList();
        assertThat(listed).contains(silent, complainer);
    }

    @Test
    void aCustomerWhoseOwnCaseIsStillOpenIsNotReachedOutToEvenLongAfter() {
        String ref = "L-" + unique();
        open(admin(), ref);
        // As if they complained two months ago and the case is still open.
        jdbc.sql("update customer_risk set complained_at = ? where customer_id = ?")
            .params(java.sql.Timestamp.from(Instant.now().minus(60, ChronoUnit.DAYS)), customerId(ref)).update();

        Instant now = Instant.now().minusSeconds(10);
        sendAndProcess(List.of(event(ref + "-1", "DELIVERY_FAILED", ref, now, null),
            event(ref + "-2", "DELIVERY_FAILED", ref, now, null)));

        assertThat(risk(ref).get("score").asDouble()).isGreaterThanOrEqualTo(10.0);
        assertThat(outreachCases(ref)).isEmpty();
    }

    @Test
    void aSecondContactWithinDaysIsARepeatContactAndShortWaitsDoNotCount() {
        String ref = "RC-" + unique();
        Instant now = Instant.now();
        sendAndProcess(List.of(
            event(ref + "-c1", "SUPPORT_CONTACT", ref, now.minus(3, ChronoUnit.DAYS), null),
            event(ref + "-w1", "WAIT_TIME", ref, now.minus(3, ChronoUnit.DAYS), Map.of("minutes", 4)),
            event(ref + "-c2", "SUPPORT_CONTACT", ref, now.minusSeconds(5), null),
            event(ref + "-w2", "WAIT_TIME", ref, now.minusSeconds(5), Map.of("minutes", 40))));

        List<String> kinds = risk(ref).get("reasons").valueStream().map(r -> r.get("kind").asString()).toList();

        assertThat(kinds).containsExactlyInAnyOrder("REPEAT_CONTACT", "LONG_WAIT");
        assertThat(risk(ref).get("reasons").valueStream().filter(r -> r.get("kind").asString().equals("REPEAT_CONTACT"))
            .findFirst().orElseThrow().get("latest").asString()).isEqualTo("Contacted us again 3 days later");
    }

    @Test
    void anEventProcessedAgainCountsOnce() {
        String ref = "D-" + unique();
        sendAndProcess(List.of(event(ref + "-x", "REFUND_REQUESTED", ref, Instant.now().minusSeconds(5), null)));
        // As if the event had been delivered to the listeners a second time.
        jdbc.sql("update business_events set processed_at = null where event_id = ?").param(ref + "-x").update();
        awaitTrue(() -> jdbc.sql("select count(*) from business_events where event_id = ? and processed_at is null")
            .param(ref + "-x").query(Long.class).single() == 0, "the event to be processed again");

        assertThat(risk(ref).get("score").asDouble()).isCloseTo(3.0, within(0.1));
    }

    @Test
    void badQueriesAreRefusedAsProblems() {
        assertThat(admin().get("/api/v1/risk/customers?limit=0").status()).isEqualTo(400);
        assertThat(admin().get("/api/v1/risk/iceberg?days=0").status()).isEqualTo(400);
        assertThat(admin().get("/api/v1/risk/customers/987654321").status()).isEqualTo(404);
    }

    private JsonNode risk(String ref) {
        return admin().get("/api/v1/risk/customers/" + customerId(ref)).json();
    }

    private List<JsonNode> outreachCases(String ref) {
        return admin().get("/api/v1/customers/" + customerId(ref) + "/cases").json().get("items").valueStream()
            .filter(c -> c.get("channel").asString().equals("proactive")).toList();
    }
}
