package org.redress.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.redress.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/** Warnings and breaches fire once, and only for targets still open. */
class SlaTimerTests extends ApplicationTest {

    @Autowired
    SlaTimers timers;

    @Test
    void aCaseNotAcknowledgedInTimeBreachesOnceAndTheTimelineShowsIt() {
        JsonNode opened = open(admin(), "C-" + unique());
        String c = "/api/v1/cases/" + opened.get("number").asString();
        makeDue(opened.get("id").asLong(), "ACKNOWLEDGE");

        timers.fireDue();
        timers.fireDue();

        assertThat(kinds(c)).containsOnlyOnce("sla.breached").doesNotContain("sla.at-risk");
        JsonNode breached = admin().get(c + "/timeline").json().valueStream()
            .filter(e -> e.get("kind").asString().equals("sla.breached")).findFirst().orElseThrow();
        assertThat(breached.get("summary").asString()).startsWith("Target missed: acknowledge was due");
        assertThat(breached.get("actorName").asString()).isEqualTo("Redress");
        assertThat(clockState(c, "ACKNOWLEDGE")).isEqualTo("BREACHED");
    }

    @Test
    void aCaseAcknowledgedInTimeDoesNotBreach() {
        JsonNode opened = open(admin(), "C-" + unique());
        String c = "/api/v1/cases/" + opened.get("number").asString();
        admin().post(c + "/acknowledge", Map.of());
        makeDue(opened.get("id").asLong(), "ACKNOWLEDGE");
        // It was acknowledged before its (now past) due time.
        jdbc.sql("update sla_clocks set met_at = current_timestamp - interval '3' minute where case_id = ? and target = 'ACKNOWLEDGE'")
            .param(opened.get("id").asLong()).update();
        clocksMoved(opened.get("id").asLong());

        timers.fireDue();

        assertThat(kinds(c)).doesNotContain("sla.breached", "sla.at-risk");
        assertThat(clockState(c, "ACKNOWLEDGE")).isEqualTo("MET");
    }

    @Test
    void aTargetPastItsWarningShareIsFlaggedAtRiskOnce() {
        JsonNode opened = open(admin(), "C-" + unique());
        String c = "/api/v1/cases/" + opened.get("number").asString();
        jdbc.sql("update sla_clocks set warn_at = current_timestamp - interval '1' minute where case_id = ? and target = 'RESOLVE'")
            .param(opened.get("id").asLong()).update();
        clocksMoved(opened.get("id").asLong());

        timers.fireDue();
        timers.fireDue();

        assertThat(kinds(c)).containsOnlyOnce("sla.at-risk").doesNotContain("sla.breached");
        assertThat(clockState(c, "RESOLVE")).isEqualTo("AT_RISK");
    }

    @Autowired
    SlaClocks clocks;

    @Test
    void aFulfilledCaseFallsDueForItsFollowUpOnceAndRecordingItClearsIt() {
        JsonNode opened = open(admin(), "C-" + unique());
        long id = opened.get("id").asLong();
        String c = "/api/v1/cases/" + opened.get("number").asString();
        admin().post(c + "/acknowledge", java.util.Map.of());
        admin().post(c + "/listen", java.util.Map.of("account", "Broken"));
        admin().post(c + "/resolve", java.util.Map.of("resolution", "Refund", "promisedBy", today().toString()));
        JsonNode fulfilled = admin().post(c + "/fulfil", java.util.Map.of()).json();
        java.time.Instant fulfilledAt = java.time.Instant.parse(fulfilled.get("updatedAt").asString());

        JsonNode followUp = admin().get(c + "/sla").json().valueStream()
            .filter(clock -> clock.get("target").asString().equals("FOLLOW_UP")).findFirst().orElseThrow();
        assertThat(java.time.Instant.parse(followUp.get("dueAt").asString())).isEqualTo(fulfilledAt.plus(java.time.Duration.ofDays(2)));  // severity 2: the "High" policy

        makeDue(id, "FOLLOW_UP");
        timers.fireDue();
        timers.fireDue();

        assertThat(kinds(c)).containsOnlyOnce("followup.due").doesNotContain("sla.breached");
        assertThat(clocks.followUpsDue(500, org.redress.cases.CaseScope.EVERY_CASE)).contains(id);

        admin().post(c + "/follow-up", java.util.Map.of("satisfied", true));

        assertThat(clocks.followUpsDue(500, org.redress.cases.CaseScope.EVERY_CASE)).doesNotContain(id);
        assertThat(clockState(c, "FOLLOW_UP")).isIn("MET", "MET_LATE");
    }

    @Test
    void aMissedTargetEscalatesTheCaseToThePolicysTeamOnce() {
        long team = admin().post("/api/v1/teams", java.util.Map.of("name", "Escalations " + unique())).json().get("id").asLong();
        String tier = "vip";
        // Tier, channel and severity: more specific than any other policy, so it applies.
        admin().post("/api/v1/sla/policies", java.util.Map.of("name", "VIP email S2", "tier", tier, "channel", "email",
            "severity", 2, "acknowledgeMinutes", 15, "resolveMinutes", 240, "fulfilMinutes", 1440, "followUpMinutes", 1440,
            "escalationTeamId", team));
        java.util.Map<String, Object> body = new java.util.HashMap<>(complaint("C-" + unique(), "delivery"));
        body.put("customer", java.util.Map.of("externalRef", "C-" + unique(), "email", unique() + "@example.com", "tier", tier));
        JsonNode opened = admin().post("/api/v1/complaints", body).json();
        String c = "/api/v1/cases/" + opened.get("number").asString();
        makeDue(opened.get("id").asLong(), "ACKNOWLEDGE");

        timers.fireDue();
        timers.fireDue();

        assertThat(admin().get(c).json().get("team").get("id").asLong()).isEqualTo(team);
        assertThat(kinds(c)).containsOnlyOnce("escalated").containsSubsequence("sla.breached", "escalated");
    }

    @Test
    void aPausedTargetDoesNotBreach() {
        JsonNode opened = open(admin(), "C-" + unique());
        String c = "/api/v1/cases/" + opened.get("number").asString();
        admin().post(c + "/sla/pause", java.util.Map.of("reason", "waiting for the receipt"));
        makeDue(opened.get("id").asLong(), "ACKNOWLEDGE");

        timers.fireDue();

        assertThat(kinds(c)).doesNotContain("sla.breached");
        assertThat(clockState(c, "ACKNOWLEDGE")).isEqualTo("PAUSED");
    }

    @Test
    void leadsSeeMissedTargetsFirstThenThoseAtRisk() {
        JsonNode missed = open(admin(), "C-" + unique());
        makeDue(missed.get("id").asLong(), "ACKNOWLEDGE");
        JsonNode risky = open(admin(), "C-" + unique());
        jdbc.sql("update sla_clocks set warn_at = current_timestamp - interval '1' minute where case_id = ? and target = 'ACKNOWLEDGE'")
            .param(risky.get("id").asLong()).update();
        clocksMoved(risky.get("id").asLong());

        List<JsonNode> attention = newUser("lead").get("/api/v1/sla/attention?limit=200").json().valueStream().toList();

        List<String> numbers = attention.stream().map(i -> i.get("recoveryCase").get("number").asString()).toList();
        assertThat(numbers).contains(missed.get("number").asString(), risky.get("number").asString());
        assertThat(numbers.indexOf(missed.get("number").asString())).isLessThan(numbers.indexOf(risky.get("number").asString()));
        JsonNode missedItem = attention.get(numbers.indexOf(missed.get("number").asString()));
        assertThat(missedItem.get("clock").get("state").asString()).isEqualTo("BREACHED");
        assertThat(java.time.Duration.parse(missedItem.get("clock").get("left").asString())).isNegative();
    }

    private List<String> kinds(String casePath) {
        return admin().get(casePath + "/timeline").json().valueStream().map(e -> e.get("kind").asString()).toList();
    }

    private String clockState(String casePath, String target) {
        return admin().get(casePath + "/sla").json().valueStream()
            .filter(clock -> clock.get("target").asString().equals(target)).findFirst().orElseThrow()
            .get("state").asString();
    }
}
