package org.redress.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.redress.ApplicationTest;
import org.redress.Http;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/** A missed target escalates the case as its policy says, once, and tells the people who must act. */
class EscalationRulesTests extends ApplicationTest {

    @Autowired
    SlaTimers timers;

    @Test
    void aMissedTargetMovesHandsOverRaisesSeverityAndAlertsTheLeadsOnce() {
        long frontline = newTeam("Frontline");
        long escalations = newTeam("Escalations");
        Person agent = member("agent", frontline);
        Person frontlineLead = member("lead", frontline);
        Person escalationLead = member("lead", escalations);
        Person specialist = member("agent", escalations);
        // Premium, review site, severity 3: a policy as specific as can be, used by no other test.
        String tier = "premium";
        policy(tier, "review", Map.of("escalationTeamId", escalations, "escalationAssigneeId", specialist.id(),
            "escalationRaiseSeverity", true));
        JsonNode opened = openFor(tier, "review", 3);
        String c = "/api/v1/cases/" + opened.get("number").asString();
        admin().post(c + "/assign", Map.of("assigneeId", agent.id()));
        makeDue(opened.get("id").asLong(), "ACKNOWLEDGE");

        timers.fireDue();
        timers.fireDue();

        JsonNode escalated = admin().get(c).json();
        assertThat(escalated.get("team").get("id").asLong()).isEqualTo(escalations);
        assertThat(escalated.get("assignee").get("id").asLong()).isEqualTo(specialist.id());
        assertThat(escalated.get("severity").asInt()).isEqualTo(2);
        List<JsonNode> timeline = admin().get(c + "/timeline").json().valueStream().toList();
        List<String> escalations1 = timeline.stream().filter(e -> e.get("kind").asString().equals("escalated"))
            .map(e -> e.get("summary").asString()).toList();
        assertThat(escalations1).hasSize(1);
        assertThat(escalations1.get(0)).startsWith("Escalated (acknowledge target missed): moved to the team Escalations")
            .contains("handed to " + name(specialist)).contains("severity raised from 3 to 2");
        // The stricter severity re-sets the targets still running.
        assertThat(timeline).anyMatch(e -> e.get("kind").asString().equals("sla.retargeted"));

        for (Person told : List.of(agent, frontlineLead, escalationLead)) {
            assertThat(alerts(told.http(), "sla.breached")).as("alerts of user %s", told.id()).hasSize(1)
                .first().satisfies(alert -> assertThat(alert.get("text").asString())
                    .startsWith(opened.get("number").asString() + " missed its target: acknowledge was due"));
        }
    }

    @Test
    void aPolicyThatDoesNotAlertLeadsTellsOnlyTheAssignee() {
        long team = newTeam("Quiet");
        Person agent = member("agent", team);
        Person lead = member("lead", team);
        String tier = "premium";
        policy(tier, "in-person", Map.of("escalationNotifyLeads", false));
        JsonNode opened = openFor(tier, "in-person", 3);
        admin().post("/api/v1/cases/" + opened.get("number").asString() + "/assign", Map.of("assigneeId", agent.id()));
        makeDue(opened.get("id").asLong(), "ACKNOWLEDGE");

        timers.fireDue();

        assertThat(alerts(agent.http(), "sla.breached")).hasSize(1);
        assertThat(alerts(lead.http(), "sla.breached")).isEmpty();
        JsonNode after = admin().get("/api/v1/cases/" + opened.get("number").asString()).json();
        assertThat(after.get("severity").asInt()).isEqualTo(3);
        assertThat(after.get("assignee").get("id").asLong()).isEqualTo(agent.id());
    }

    @Test
    void aTargetAtRiskWarnsWhoeverHoldsTheCaseOrTheTeamsLeadsWhenNobodyDoes() {
        long team = newTeam("Warned");
        Person agent = member("agent", team);
        Person lead = member("lead", team);
        JsonNode held = open(admin(), "C-" + unique());
        admin().post("/api/v1/cases/" + held.get("number").asString() + "/assign", Map.of("assigneeId", agent.id()));
        JsonNode unheld = open(admin(), "C-" + unique());
        admin().post("/api/v1/cases/" + unheld.get("number").asString() + "/assign", Map.of("teamId", team));
        for (JsonNode c : List.of(held, unheld)) {
            jdbc.sql("update sla_clocks set warn_at = current_timestamp - interval '1' minute where case_id = ? and target = 'ACKNOWLEDGE'")
                .param(c.get("id").asLong()).update();
            clocksMoved(c.get("id").asLong());
        }

        timers.fireDue();
        timers.fireDue();

        assertThat(alerts(agent.http(), "sla.at-risk")).singleElement()
            .satisfies(alert -> assertThat(alert.get("caseNumber").asString()).isEqualTo(held.get("number").asString()));
        assertThat(alerts(lead.http(), "sla.at-risk")).singleElement()
            .satisfies(alert -> assertThat(alert.get("caseNumber").asString()).isEqualTo(unheld.get("number").asString()));
    }

    @Test
    void anEscalationAssigneeMustBeAnActiveUser() {
        Http.Response refused = admin().post("/api/v1/sla/policies", Map.of("name", "Bad", "acknowledgeMinutes", 10,
            "resolveMinutes", 10, "fulfilMinutes", 10, "followUpMinutes", 10, "escalationAssigneeId", 987654321));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("escalationAssigneeId");
        assertThat(admin().get("/api/v1/sla/policies").json().valueStream().map(p -> p.get("name").asString()))
            .doesNotContain("Bad");
    }

    private void policy(String tier, String channel, Map<String, Object> escalation) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Policy " + unique(), "tier", tier, "channel", channel, "severity", 3,
            "acknowledgeMinutes", 30, "resolveMinutes", 600, "fulfilMinutes", 1440, "followUpMinutes", 1440));
        body.putAll(escalation);
        Http.Response created = admin().post("/api/v1/sla/policies", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private JsonNode openFor(String tier, String channel, int severity) {
        Map<String, Object> body = new HashMap<>(complaint("C-" + unique(), "delivery"));
        body.put("channel", channel);
        body.put("customer", Map.of("externalRef", "C-" + unique(), "email", unique() + "@example.com", "tier", tier));
        body.put("severity", severity);
        return admin().post("/api/v1/complaints", body).json();
    }
}
