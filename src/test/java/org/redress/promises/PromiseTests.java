package org.redress.promises;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.redress.ApplicationTest;
import org.redress.Http;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

class PromiseTests extends ApplicationTest {

    @Autowired
    PromiseKeeping keeping;

    @Test
    void agreeingAResolutionPromisesItAndFulfillingKeepsIt() {
        Http agent = newUser("agent");
        long agentId = agent.get("/api/v1/me").json().get("id").asLong();
        String c = "/api/v1/cases/" + open(agent, "C-" + unique()).get("number").asString();
        agent.post(c + "/assign", Map.of("assigneeId", agentId));
        agent.post(c + "/acknowledge", Map.of());
        agent.post(c + "/listen", Map.of("account", "Broken vase"));

        agent.post(c + "/resolve", Map.of("resolution", "Refund of 49.90 EUR", "promisedBy", today().plusDays(2).toString()));

        JsonNode made = agent.get(c + "/promises").json().get(0);
        assertThat(made.get("description").asString()).isEqualTo("Deliver: Refund of 49.90 EUR");
        assertThat(made.get("status").asString()).isEqualTo("OPEN");
        assertThat(made.get("ownerId").asLong()).isEqualTo(agentId);
        assertThat(Instant.parse(made.get("dueAt").asString()))
            .isEqualTo(today().plusDays(3).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().minusNanos(1_000));

        agent.post(c + "/fulfil", Map.of("note", "Refund R-1"));

        assertThat(agent.get(c + "/promises").json().get(0).get("status").asString()).isEqualTo("KEPT");
        assertThat(kinds(c)).containsSubsequence("promise.made", "step.fulfil", "promise.kept");
    }

    @Test
    void aPromiseStillOpenAtItsDueTimeIsBrokenOnceAndFlagged() {
        JsonNode opened = open(admin(), "C-" + unique());
        String c = "/api/v1/cases/" + opened.get("number").asString();
        long promise = admin().post(c + "/promises", Map.of("description", "A technician will call",
            "dueAt", Instant.now().plus(Duration.ofHours(2)).toString())).json().get("id").asLong();
        jdbc.sql("update promises set due_at = current_timestamp - interval '1' minute where id = ?").param(promise).update();

        keeping.breakOverdue();
        keeping.breakOverdue();

        assertThat(admin().get(c + "/promises").json().get(0).get("status").asString()).isEqualTo("BROKEN");
        assertThat(kinds(c)).containsOnlyOnce("promise.broken");
        assertThat(admin().post("/api/v1/promises/" + promise + "/keep", Map.of()).status()).isEqualTo(409);
    }

    @Test
    void theKeepingRateCountsKeptAndBrokenPerOwner() {
        Http agent = newUser("agent");
        long agentId = agent.get("/api/v1/me").json().get("id").asLong();
        String c = "/api/v1/cases/" + open(agent, "C-" + unique()).get("number").asString();
        String due = Instant.now().plus(Duration.ofDays(1)).toString();
        long kept = agent.post(c + "/promises", Map.of("description", "Call back", "dueAt", due)).json().get("id").asLong();
        long broken = agent.post(c + "/promises", Map.of("description", "Send photos", "dueAt", due)).json().get("id").asLong();
        agent.post(c + "/promises", Map.of("description", "Still open", "dueAt", due));
        agent.post("/api/v1/promises/" + kept + "/keep", Map.of("note", "Called"));
        jdbc.sql("update promises set due_at = current_timestamp - interval '1' minute where id = ?").param(broken).update();
        keeping.breakOverdue();

        JsonNode rate = admin().get("/api/v1/promises/keeping-rate").json().valueStream()
            .filter(r -> !r.get("id").isNull() && r.get("id").asLong() == agentId).findFirst().orElseThrow();

        assertThat(rate.get("kept").asLong()).isEqualTo(1);
        assertThat(rate.get("broken").asLong()).isEqualTo(1);
        assertThat(rate.get("rate").asDouble()).isEqualTo(0.5);
    }

    @Test
    void badPromisesAreRefusedAndNothingIsMade() {
        String c = "/api/v1/cases/" + open(admin(), "C-" + unique()).get("number").asString();
        long before = count("promises");

        Http.Response past = admin().post(c + "/promises", Map.of("description", "Too late", "dueAt", "2020-01-01T00:00:00Z"));
        Http.Response blank = admin().post(c + "/promises", Map.of("description", " ", "dueAt", Instant.now().plusSeconds(3600).toString()));
        Http.Response nobody = admin().post(c + "/promises", Map.of("description", "Call", "dueAt",
            Instant.now().plusSeconds(3600).toString(), "ownerId", 999_999));
        Http.Response badStatus = admin().get("/api/v1/promises?status=pending");

        assertThat(List.of(past.status(), blank.status(), nobody.status(), badStatus.status())).containsOnly(400);
        assertThat(past.json().get("detail").asString()).contains("dueAt", "past");
        assertThat(count("promises")).isEqualTo(before);
    }

    private List<String> kinds(String casePath) {
        return admin().get(casePath + "/timeline").json().valueStream().map(e -> e.get("kind").asString()).toList();
    }
}
