package org.redress.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.redress.ApplicationTest;
import org.redress.Http;

import tools.jackson.databind.JsonNode;

/** Clocks follow the case: set at opening from the policy, met by the steps, stopped at closing. */
class SlaClockTests extends ApplicationTest {

    @Test
    void aCriticalCaseGetsTheCriticalTargetsAndMeetsThemStepByStep() throws Exception {
        Map<String, Object> body = new HashMap<>(complaint("C-" + unique(), "delivery"));
        body.put("severity", 1);
        JsonNode opened = admin().post("/api/v1/complaints", body).json();
        String c = "/api/v1/cases/" + opened.get("number").asString();
        Instant openedAt = Instant.parse(opened.get("openedAt").asString());

        JsonNode clocks = awaitClocks(c, json -> json.size() == 2);
        assertThat(clock(clocks, "ACKNOWLEDGE").get("state").asString()).isEqualTo("ON_TRACK");
        assertThat(Instant.parse(clock(clocks, "ACKNOWLEDGE").get("dueAt").asString())).isEqualTo(openedAt.plus(Duration.ofMinutes(30)));
        assertThat(Instant.parse(clock(clocks, "RESOLVE").get("dueAt").asString())).isEqualTo(openedAt.plus(Duration.ofHours(8)));

        admin().post(c + "/acknowledge", Map.of());
        admin().post(c + "/listen", Map.of("account", "Broken vase"));
        admin().post(c + "/resolve", Map.of("resolution", "Refund", "promisedBy", today().toString()));

        JsonNode after = awaitClocks(c, json -> json.size() == 3);
        assertThat(clock(after, "ACKNOWLEDGE").get("state").asString()).isEqualTo("MET");
        assertThat(clock(after, "RESOLVE").get("state").asString()).isEqualTo("MET");
        assertThat(clock(after, "FULFIL").get("state").asString()).isEqualTo("ON_TRACK");
        assertThat(clock(after, "FULFIL").get("left").isNull()).isFalse();
    }

    @Test
    void closingStopsTheClocksStillRunning() throws Exception {
        String c = "/api/v1/cases/" + open(admin(), "C-" + unique()).get("number").asString();
        awaitClocks(c, json -> json.size() == 2);
        admin().post(c + "/acknowledge", Map.of());

        admin().post(c + "/close", Map.of("outcome", "not-recovered", "note", "No answer"));

        JsonNode clocks = awaitClocks(c, json -> clock(json, "RESOLVE").get("state").asString().equals("STOPPED"));
        assertThat(clock(clocks, "ACKNOWLEDGE").get("state").asString()).isEqualTo("MET");
    }

    @Test
    void raisingTheSeverityReTargetsTheRunningClocksAndSaysSo() throws Exception {
        JsonNode opened = open(admin(), "C-" + unique());
        String c = "/api/v1/cases/" + opened.get("number").asString();
        Instant openedAt = Instant.parse(opened.get("openedAt").asString());
        awaitClocks(c, json -> json.size() == 2);

        admin().post(c + "/severity", Map.of("severity", 1, "reason", "Medical equipment"));

        JsonNode clocks = admin().get(c + "/sla").json();
        assertThat(Instant.parse(clock(clocks, "ACKNOWLEDGE").get("dueAt").asString())).isEqualTo(openedAt.plus(Duration.ofMinutes(30)));
        assertThat(Instant.parse(clock(clocks, "RESOLVE").get("dueAt").asString())).isEqualTo(openedAt.plus(Duration.ofHours(8)));
        JsonNode timeline = admin().get(c + "/timeline").json();
        assertThat(timeline.get(timeline.size() - 1).get("kind").asString()).isEqualTo("sla.retargeted");
        assertThat(timeline.get(timeline.size() - 1).get("summary").asString()).contains("severity 1", "Critical", "acknowledge due");
    }

    @Test
    void pausingAndResumingMovesTheDueTimeByThePausedTime() throws Exception {
        JsonNode opened = open(admin(), "C-" + unique());
        String c = "/api/v1/cases/" + opened.get("number").asString();
        Instant due = Instant.parse(clock(awaitClocks(c, json -> json.size() == 2), "ACKNOWLEDGE").get("dueAt").asString());

        JsonNode paused = admin().post(c + "/sla/pause", Map.of("reason", "photos of the damage")).json();
        assertThat(clock(paused, "ACKNOWLEDGE").get("state").asString()).isEqualTo("PAUSED");
        // Thirty minutes pass while we wait on the customer.
        jdbc.sql("update sla_clocks set paused_at = paused_at - interval '30' minute where case_id = ?")
            .param(opened.get("id").asLong()).update();
        JsonNode resumed = admin().post(c + "/sla/resume", Map.of()).json();

        Instant newDue = Instant.parse(clock(resumed, "ACKNOWLEDGE").get("dueAt").asString());
        assertThat(Duration.between(due, newDue)).isBetween(Duration.ofMinutes(30), Duration.ofMinutes(31));
        assertThat(clock(resumed, "ACKNOWLEDGE").get("state").asString()).isEqualTo("ON_TRACK");
        assertThat(admin().get(c + "/timeline").json().valueStream().map(e -> e.get("kind").asString()).toList())
            .containsSubsequence("sla.paused", "sla.resumed");
    }

    @Test
    void pausingNeedsAReasonAndResumingNeedsAPause() throws Exception {
        String c = "/api/v1/cases/" + open(admin(), "C-" + unique()).get("number").asString();
        awaitClocks(c, json -> json.size() == 2);

        assertThat(admin().post(c + "/sla/pause", Map.of()).status()).isEqualTo(400);
        assertThat(admin().post(c + "/sla/resume", Map.of()).status()).isEqualTo(409);
        assertThat(clock(admin().get(c + "/sla").json(), "ACKNOWLEDGE").get("state").asString()).isEqualTo("ON_TRACK");
    }

    @Test
    void anUnknownCaseHasNoClocks() {
        Http.Response response = admin().get("/api/v1/cases/RC-99999999/sla");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    // Clocks are kept in the transaction that changes the case; the loop tolerates a slow response.
    private JsonNode awaitClocks(String casePath, Predicate<JsonNode> ready) throws InterruptedException {
        JsonNode last = null;
        for (int attempt = 0; attempt < 100; attempt++) {
            last = admin().get(casePath + "/sla").json();
            if (ready.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("clocks of " + casePath + " never got ready: " + last);
    }

    private static JsonNode clock(JsonNode clocks, String target) {
        return clocks.valueStream().filter(c -> c.get("target").asString().equals(target)).findFirst()
            .orElseThrow(() -> new AssertionError("no " + target + " clock in " + clocks));
    }
}
