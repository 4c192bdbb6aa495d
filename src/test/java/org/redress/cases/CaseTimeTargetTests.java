package org.redress.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.redress.ApplicationTest;

import tools.jackson.databind.JsonNode;

/** The case resource carries its running time target, the same one (same shape and names) as the case lists. */
class CaseTimeTargetTests extends ApplicationTest {

    @Test
    void aCaseCarriesTheSameTimeTargetAsTheList() {
        JsonNode running = open(admin(), "TT-" + unique());
        JsonNode missed = open(admin(), "TT-" + unique());
        JsonNode paused = open(admin(), "TT-" + unique());
        jdbc.sql("update sla_clocks set due_at = current_timestamp - interval '5' minute, warn_at = current_timestamp - interval '9' minute"
            + " where case_id = ? and target = 'ACKNOWLEDGE'").param(missed.get("id").asLong()).update();
        clocksMoved(missed.get("id").asLong());
        admin().post("/api/v1/cases/" + paused.get("number").asString() + "/sla/pause", Map.of("reason", "waiting"));

        for (JsonNode c : List.of(running, missed, paused)) {
            JsonNode resource = admin().get("/api/v1/cases/" + c.get("number").asString()).json().get("deadline");
            JsonNode listed = admin().get("/api/v1/cases?customer=" + c.get("customer").get("id").asLong()).json()
                .get("items").get(0).get("deadline");

            assertThat(resource.propertyNames()).containsExactlyInAnyOrderElementsOf(listed.propertyNames());
            assertThat(resource.get("step")).isEqualTo(listed.get("step"));
            assertThat(resource.get("dueAt")).isEqualTo(listed.get("dueAt"));
            assertThat(resource.get("state")).isEqualTo(listed.get("state"));
            // Business minutes are counted at each request: a minute may tick between the two.
            assertThat(Math.abs(resource.get("minutesLeft").asLong() - listed.get("minutesLeft").asLong())).isLessThanOrEqualTo(1);
        }
        assertThat(state(running)).isEqualTo("ON_TRACK");
        assertThat(state(missed)).isEqualTo("BREACHED");
        assertThat(state(paused)).isEqualTo("PAUSED");
    }

    @Test
    void aClosedCaseHasNoRunningTarget() {
        String number = open(admin(), "TT-" + unique()).get("number").asString();
        closeAsRecovered(number);

        JsonNode closed = admin().get("/api/v1/cases/" + number).json();

        assertThat(closed.has("deadline")).isTrue();
        assertThat(closed.get("deadline").isNull()).isTrue();
    }

    private String state(JsonNode c) {
        return admin().get("/api/v1/cases/" + c.get("number").asString()).json().get("deadline").get("state").asString();
    }
}
