package org.redress.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.redress.ApplicationTest;
import org.redress.cases.CaseSummary;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/** The clocks follow the case round after round: a customer not satisfied, a customer who answers, a follow-up due. */
class RecoveryRoundTests extends ApplicationTest {

    @Autowired
    SlaTimers timers;

    @Autowired
    CaseQueue caseQueue;

    @Autowired
    org.redress.identity.UserManagement users;

    @Test
    void aCustomerNotSatisfiedAtFollowUpRestartsTheResolveTarget() {
        String c = "/api/v1/cases/" + open(admin(), "C-" + unique()).get("number").asString();
        admin().post(c + "/acknowledge", Map.of());
        admin().post(c + "/listen", Map.of("account", "Broken"));
        admin().post(c + "/resolve", Map.of("resolution", "Replacement vase", "promisedBy", today().plusDays(2).toString()));
        admin().post(c + "/fulfil", Map.of());

        JsonNode followedUp = admin().post(c + "/follow-up", Map.of("satisfied", false, "note", "The new vase is the wrong colour")).json();
        Instant at = Instant.parse(followedUp.get("updatedAt").asString());

        JsonNode resolve = clock(c, "RESOLVE");
        assertThat(resolve.get("state").asString()).isEqualTo("ON_TRACK");
        assertThat(Instant.parse(resolve.get("startedAt").asString())).isEqualTo(at);
        assertThat(Instant.parse(resolve.get("dueAt").asString())).isEqualTo(at.plus(Duration.ofHours(24))); // severity 2: "High"
        assertThat(targets(c)).containsExactly("ACKNOWLEDGE", "RESOLVE");

        JsonNode resolvedAgain = admin().post(c + "/resolve", Map.of("resolution", "A vase in the right colour",
            "promisedBy", today().plusDays(2).toString())).json();

        assertThat(clock(c, "RESOLVE").get("state").asString()).isEqualTo("MET");
        assertThat(Instant.parse(clock(c, "FULFIL").get("startedAt").asString()))
            .isEqualTo(Instant.parse(resolvedAgain.get("updatedAt").asString()));
    }

    @Test
    void theCustomerWritingAgainResumesTargetsPausedWhileWaitingOnThem() {
        JsonNode opened = open(admin(), "C-" + unique());
        String c = "/api/v1/cases/" + opened.get("number").asString();
        admin().post(c + "/sla/pause", Map.of("reason", "asked for a photo of the damage"));
        assertThat(clock(c, "ACKNOWLEDGE").get("state").asString()).isEqualTo("PAUSED");

        Map<String, Object> reply = new java.util.HashMap<>(complaint(opened.get("customer").get("externalRef").asString(), "delivery"));
        reply.put("message", "Here is the photo.");
        assertThat(admin().post("/api/v1/complaints", reply).header("Redress-Intake")).isEqualTo("joined");

        assertThat(clock(c, "ACKNOWLEDGE").get("state").asString()).isEqualTo("ON_TRACK");
        assertThat(admin().get(c + "/timeline").json().valueStream().map(e -> e.get("summary").asString()))
            .anyMatch(summary -> summary.startsWith("Time targets resumed: the customer answered after"));
    }

    @Test
    void aFollowUpDueIsAnAlertForWhoeverHoldsTheCase() {
        Person agent = member("agent", null);
        JsonNode opened = open(admin(), "C-" + unique());
        String c = "/api/v1/cases/" + opened.get("number").asString();
        admin().post(c + "/assign", Map.of("assigneeId", agent.id()));
        admin().post(c + "/acknowledge", Map.of());
        admin().post(c + "/listen", Map.of("account", "Broken"));
        admin().post(c + "/resolve", Map.of("resolution", "Refund", "promisedBy", today().toString()));
        admin().post(c + "/fulfil", Map.of());
        jdbc.sql("update sla_clocks set warn_at = current_timestamp - interval '1' minute, due_at = current_timestamp - interval '1' minute"
            + " where case_id = ? and target = 'FOLLOW_UP'").param(opened.get("id").asLong()).update();

        timers.fireDue();
        timers.fireDue();

        assertThat(alerts(agent.http(), "followup.due")).hasSize(1);
        List<JsonNode> alerts = agent.http().get("/api/v1/alerts").json().get("items").valueStream().toList();
        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.get("kind").asString()).isEqualTo("followup.due");
            assertThat(alert.get("text").asString()).startsWith("Check back with the customer of " + opened.get("number").asString());
        });
    }

    @Test
    void aQueueSortedByTimeLeftPutsMissedTargetsFirstAndCasesWithoutARunningTargetLast() {
        long team = newTeam("Sorted");
        Person agent = member("agent", team);
        JsonNode missed = open(admin(), "C-" + unique());
        JsonNode running = open(admin(), "C-" + unique());
        JsonNode paused = open(admin(), "C-" + unique());
        JsonNode soon = open(admin(), "C-" + unique());
        for (JsonNode c : List.of(missed, running, paused, soon)) {
            admin().post("/api/v1/cases/" + c.get("number").asString() + "/assign", Map.of("teamId", team));
        }
        admin().post("/api/v1/cases/" + paused.get("number").asString() + "/sla/pause", Map.of("reason", "waiting"));
        jdbc.sql("update sla_clocks set due_at = current_timestamp - interval '5' minute, warn_at = current_timestamp - interval '9' minute"
            + " where case_id = ? and target = 'ACKNOWLEDGE'").param(missed.get("id").asLong()).update();
        jdbc.sql("update sla_clocks set due_at = current_timestamp + interval '5' minute, warn_at = current_timestamp - interval '1' minute"
            + " where case_id = ? and target = 'ACKNOWLEDGE'").param(soon.get("id").asLong()).update();
        clocksMoved(missed.get("id").asLong());
        clocksMoved(soon.get("id").asLong());

        List<CaseSummary> queue = caseQueue.page(QueueQuery.from(Map.of("queue", "team"), QueueQuery.View.OPEN),
            users.signedInAs(agent.id()).orElseThrow()).cases();

        assertThat(queue).extracting(CaseSummary::number).containsExactly(missed.get("number").asString(),
            soon.get("number").asString(), running.get("number").asString(), paused.get("number").asString());
        assertThat(queue).extracting(summary -> summary.deadline().state()).containsExactly(
            CaseSummary.Deadline.State.BREACHED, CaseSummary.Deadline.State.AT_RISK, CaseSummary.Deadline.State.ON_TRACK,
            CaseSummary.Deadline.State.PAUSED);
        // The API lists carry the same deadline.
        JsonNode listed = admin().get("/api/v1/cases?team=" + team).json().get("items").valueStream()
            .filter(item -> item.get("number").asString().equals(missed.get("number").asString())).findFirst().orElseThrow();
        assertThat(listed.get("deadline").get("state").asString()).isEqualTo("BREACHED");
        assertThat(listed.get("deadline").get("step").asString()).isEqualTo("ACKNOWLEDGE");
    }

    private JsonNode clock(String casePath, String target) {
        return admin().get(casePath + "/sla").json().valueStream()
            .filter(clock -> clock.get("target").asString().equals(target)).findFirst().orElseThrow();
    }

    private List<String> targets(String casePath) {
        return admin().get(casePath + "/sla").json().valueStream().map(clock -> clock.get("target").asString()).toList();
    }
}
