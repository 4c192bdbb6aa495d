package org.redress.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redress.Http;
import org.redress.SignalsSupport;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * Satisfaction after recovery: the recovery survey's answers of a period's closed cases per
 * outcome, and the same customer's score before the complaint beside the one after, as pairs;
 * and the wins: recoveries the customer confirmed, per agent and team, with their words.
 */
class SatisfactionTests extends SignalsSupport {

    @Autowired
    CaseFacts facts;

    private final List<Long> surveys = new ArrayList<>();

    // Surveys are global: switched off afterwards so that they invite nobody in later tests.
    @AfterEach
    void deactivate() {
        surveys.forEach(id -> jdbc.sql("update surveys set active = false where id = ?").param(id).update());
    }

    @Test
    void recoveryAnswersPerOutcomeAndTheSameCustomersScoreBeforeAndAfter() {
        long team = newTeam("Satisfaction");
        Person agent = member("agent", team);
        survey(Map.of("name", "After delivery " + unique(), "kind", "CSAT", "question", "How was your delivery?",
            "triggerEvents", List.of("DELIVERED"), "samplePercent", 100, "quietDays", 0));
        survey(Map.of("name", "Recovery " + unique(), "kind", "CSAT", "purpose", "RECOVERY", "quietDays", 0,
            "question", "How well did we put it right?"));
        // One customer answered 3 of 5 after a delivery, then complained; their recovery earned a 5.
        String pleased = "SP-" + unique();
        sendAndProcess(List.of(event("delivered-" + pleased, "DELIVERED", pleased, Instant.now().minusSeconds(60),
            Map.of("email", pleased.toLowerCase() + "@example.com"))));
        assertThat(answer(surveyLink(pleased), "3").status()).isLessThan(400);
        String recovered = fulfilled(pleased, team, agent.id());
        assertThat(answerSurvey(surveyLink(pleased), Map.of("score", "5", "comment", "Sorted within a day, thank you")).status())
            .isLessThan(400);
        admin().post("/api/v1/cases/" + recovered + "/learn", Map.of("lesson", "Pack twice."));
        assertThat(admin().post("/api/v1/cases/" + recovered + "/close", Map.of("outcome", "recovered")).status()).isEqualTo(200);
        // Another, never asked before, answered 2: not recovered.
        String unhappy = "SU-" + unique();
        String lost = fulfilled(unhappy, team, agent.id());
        assertThat(answer(surveyLink(unhappy), "2").status()).isLessThan(400);
        assertThat(admin().post("/api/v1/cases/" + lost + "/close", Map.of("outcome", "not-recovered", "note", "Still broken"))
            .status()).isEqualTo(200);
        while (facts.refresh() == facts.batch()) {
            // other tests' cases first
        }

        JsonNode report = admin().get("/api/v1/insights/satisfaction?team=" + team).json();

        JsonNode happy = row(report, "RECOVERED");
        assertThat(happy.get("kind").asString()).isEqualTo("CSAT");
        assertThat(happy.get("invited").asLong()).isEqualTo(1);
        assertThat(happy.get("answered").asLong()).isEqualTo(1);
        assertThat(happy.get("average").asDouble()).isEqualTo(5.0);
        assertThat(happy.get("satisfiedPercent").asDouble()).isEqualTo(100.0);
        JsonNode sad = row(report, "NOT_RECOVERED");
        assertThat(sad.get("average").asDouble()).isEqualTo(2.0);
        assertThat(sad.get("unhappy").asLong()).isEqualTo(1);
        assertThat(sad.get("satisfiedPercent").asDouble()).isEqualTo(0.0);
        assertThat(report.get("pairs").size()).as("only the customer who answered before").isEqualTo(1);
        JsonNode pair = report.get("pairs").get(0);
        assertThat(pair.get("pairs").asLong()).isEqualTo(1);
        assertThat(pair.get("averageBefore").asDouble()).isEqualTo(3.0);
        assertThat(pair.get("averageAfter").asDouble()).isEqualTo(5.0);
        assertThat(pair.get("higher").asLong()).isEqualTo(1);
        assertThat(pair.get("lower").asLong()).isZero();
        assertThat(admin().get("/api/v1/insights/satisfaction?to=2026-11-31").status()).isEqualTo(400);

        // The confirmed recovery is a win for its agent and team; the one not recovered is not.
        JsonNode wins = admin().get("/api/v1/insights/wins?team=" + team).json();
        assertThat(wins.get("total").asLong()).isEqualTo(1);
        assertThat(wins.get("byAgent").get(0).get("name").asString()).isEqualTo(name(agent));
        assertThat(wins.get("byAgent").get(0).get("wins").asLong()).isEqualTo(1);
        assertThat(wins.get("byTeam").size()).isEqualTo(1);
        JsonNode win = wins.get("latest").get(0);
        assertThat(win.get("caseNumber").asString()).isEqualTo(recovered);
        assertThat(win.get("score").asInt()).isEqualTo(5);
        assertThat(win.get("comment").asString()).isEqualTo("Sorted within a day, thank you");
        assertThat(wins.get("latest").size()).isEqualTo(1);
        // A win's line opens its cases: the confirmed recoveries of that agent.
        JsonNode behind = admin().get("/api/v1/insights/cases?team=" + team + "&counted=closed&outcome=recovered&confirmed=true"
            + "&assignee=" + wins.get("byAgent").get(0).get("key").asString()).json();
        assertThat(behind.get("items").valueStream().map(r -> r.get("number").asString())).containsExactly(recovered);
        assertThat(admin().get("/api/v1/insights/cases?team=" + team + "&counted=closed&confirmed=false").json()
            .get("items").valueStream().map(r -> r.get("number").asString())).containsExactly(lost);
        assertThat(member("agent", team).http().get("/api/v1/insights/satisfaction").status()).isEqualTo(403);
    }

    // The case walked to its delivered resolution, and the recovery survey sent.
    private String fulfilled(String customerRef, long team, long agentId) {
        String number = open(admin(), customerRef).get("number").asString();
        String c = "/api/v1/cases/" + number;
        admin().post(c + "/assign", Map.of("assigneeId", agentId, "teamId", team));
        admin().post(c + "/acknowledge", Map.of("message", "We are on it."));
        admin().post(c + "/listen", Map.of("account", "The vase arrived broken."));
        admin().post(c + "/apologize", Map.of("apology", "I am sorry."));
        admin().post(c + "/identify-cause", Map.of("rootCause", "carrier-delay", "responsibility", "ours"));
        admin().post(c + "/explain", Map.of("explanation", "A fault at the depot."));
        admin().post(c + "/resolve", Map.of("resolution", "A new vase", "promisedBy", today().plusDays(2).toString()));
        admin().post(c + "/fulfil", Map.of("note", "Sent"));
        Http.Response sent = admin().post(c + "/recovery-survey", Map.of());
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        return number;
    }

    private void survey(Map<String, Object> body) {
        Http.Response created = admin().post("/api/v1/surveys", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        surveys.add(id);
        // A survey of the same purpose left active elsewhere would take the customer's invitation first.
        jdbc.sql("update surveys set active = false where id <> ? and purpose = ?")
            .params(id, created.json().get("purpose").asString()).update();
    }

    private Http.Response answer(String path, String score) {
        return answerSurvey(path, Map.of("score", score));
    }

    private static JsonNode row(JsonNode report, String outcome) {
        for (JsonNode row : report.get("scores")) {
            if (row.get("outcome").asString().equals(outcome)) {
                return row;
            }
        }
        throw new AssertionError("no " + outcome + " in " + report);
    }
}
