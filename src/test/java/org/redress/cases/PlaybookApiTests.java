package org.redress.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.redress.ApplicationTest;
import org.redress.Http;

import tools.jackson.databind.JsonNode;

class PlaybookApiTests extends ApplicationTest {

    @Test
    void walksEveryStepInOrderAndClosesAsRecovered() {
        Http agent = newUser("agent");
        String c = "/api/v1/cases/" + open(agent, "C-" + unique()).get("number").asString();

        assertThat(nextStep(agent.post(c + "/acknowledge", Map.of("message", "We are on it.")))).isEqualTo("LISTEN");
        assertThat(nextStep(agent.post(c + "/listen", Map.of("account", "The parcel was left in the rain.")))).isEqualTo("APOLOGIZE");
        assertThat(nextStep(agent.post(c + "/apologize", Map.of("apology", "I am sorry.")))).isEqualTo("IDENTIFY_CAUSE");
        JsonNode identified = agent.post(c + "/identify-cause",
            Map.of("rootCause", "carrier-delay", "responsibility", "partly-ours")).json();
        assertThat(identified.get("rootCause").asString()).isEqualTo("carrier-delay");
        assertThat(identified.get("responsibility").asString()).isEqualTo("PARTLY_OURS");
        assertThat(nextStep(agent.post(c + "/explain", Map.of("explanation", "The carrier left it outside.")))).isEqualTo("RESOLVE");
        JsonNode resolved = agent.post(c + "/resolve", Map.of("resolution", "Replacement by express",
            "promisedBy", today().plusDays(2).toString())).json();
        assertThat(resolved.get("status").asString()).isEqualTo("RESOLUTION_AGREED");
        assertThat(resolved.get("promisedBy").asString()).isEqualTo(today().plusDays(2).toString());
        assertThat(agent.post(c + "/fulfil", Map.of("note", "Shipped 1Z999")).json().get("status").asString()).isEqualTo("FULFILLED");
        assertThat(nextStep(agent.post(c + "/follow-up", Map.of("satisfied", true, "satisfaction", 5)))).isEqualTo("LEARN");
        JsonNode learned = agent.post(c + "/learn", Map.of("lesson", "Ask the carrier to never leave parcels outside.")).json();
        assertThat(learned.get("nextStep").isNull()).isTrue();

        Http.Response closed = agent.post(c + "/close", Map.of("outcome", "recovered"));

        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.json().get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.json().get("outcome").asString()).isEqualTo("RECOVERED");
        assertThat(closed.json().get("steps")).hasSize(9).allMatch(step -> step.get("done").asBoolean());
    }

    @Test
    void closingAsRecoveredWithoutAcknowledgementIsRefusedWithWhatIsMissing() {
        String c = "/api/v1/cases/" + open(admin(), "C-" + unique()).get("number").asString();

        Http.Response refused = admin().post(c + "/close", Map.of("outcome", "recovered"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString())
            .contains("Cannot close", "as recovered", "Acknowledge", "Resolve");
        assertThat(admin().get(c).json().get("status").asString()).isEqualTo("NEW");
    }

    @Test
    void aStepBeforeItsPrerequisitesIsRefusedNamingThem() {
        String c = "/api/v1/cases/" + open(admin(), "C-" + unique()).get("number").asString();

        Http.Response refused = admin().post(c + "/resolve", Map.of("resolution", "Refund",
            "promisedBy", today().toString()));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("first: Acknowledge, Listen");
        assertThat(timelineKinds(c)).containsExactly("opened");
    }

    @Test
    void acknowledgingTwiceIsRefused() {
        String c = "/api/v1/cases/" + open(admin(), "C-" + unique()).get("number").asString();
        admin().post(c + "/acknowledge", Map.of());

        Http.Response again = admin().post(c + "/acknowledge", Map.of());

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).contains("already done");
    }

    @Test
    void anUnsatisfiedFollowUpReopensTheResolution() {
        String c = fulfilledCase();

        JsonNode after = admin().post(c + "/follow-up", Map.of("satisfied", false, "note", "Still broken")).json();

        assertThat(after.get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(after.get("nextStep").get("step").asString()).isEqualTo("RESOLVE");
        assertThat(timelineKinds(c)).contains("step.follow-up", "reopened-resolution");
    }

    @Test
    void closesAsNotRecoveredWithAReasonAndReopens() {
        String c = "/api/v1/cases/" + open(admin(), "C-" + unique()).get("number").asString();
        admin().post(c + "/acknowledge", Map.of());
        assertThat(admin().post(c + "/close", Map.of("outcome", "not-recovered")).status()).isEqualTo(400);

        JsonNode closed = admin().post(c + "/close", Map.of("outcome", "not-recovered", "note", "Customer left us")).json();
        assertThat(closed.get("outcome").asString()).isEqualTo("NOT_RECOVERED");
        assertThat(admin().post(c + "/listen", Map.of("account", "late")).status()).isEqualTo(409);

        JsonNode reopened = admin().post(c + "/reopen", Map.of("reason", "The customer called back")).json();

        assertThat(reopened.get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(reopened.get("outcome").isNull()).isTrue();
        assertThat(timelineKinds(c)).containsSubsequence("closed", "reopened");
    }

    @Test
    void theTimelineListsEveryActionWithItsActor() {
        Http agent = newUser("agent");
        String actorName = agent.get("/api/v1/me").json().get("name").asString();
        String c = "/api/v1/cases/" + open(admin(), "C-" + unique()).get("number").asString();

        agent.post(c + "/acknowledge", Map.of("message", "Thanks for telling us"));
        agent.post(c + "/notes", Map.of("text", "Customer sounded very upset"));
        agent.put(c + "/tags", Map.of("tags", List.of("VIP", "repeat")));
        admin().post(c + "/severity", Map.of("severity", 1, "reason", "Medical equipment"));

        JsonNode timeline = admin().get(c + "/timeline").json();
        assertThat(timeline).extracting(e -> e.get("kind").asString())
            .containsExactly("opened", "step.acknowledge", "customer.update", "note", "tagged", "severity", "sla.retargeted");
        assertThat(timeline).extracting(e -> e.get("actorName").asString())
            .containsExactly("Administrator", actorName, "Redress", actorName, actorName, "Administrator", "Redress");
        assertThat(timeline.get(3).get("internal").asBoolean()).isTrue();
        assertThat(admin().get(c).json().get("tags")).extracting(JsonNode::asString).containsExactly("repeat", "vip");
    }

    @Test
    void aStepWithMissingTextGetsAProblemAndWritesNothing() {
        String c = "/api/v1/cases/" + open(admin(), "C-" + unique()).get("number").asString();
        long before = count("case_timeline");

        Http.Response response = admin().post(c + "/listen", Map.of("account", "   "));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("account");
        assertThat(count("case_timeline")).isEqualTo(before);
    }

    @Test
    void anUnknownRootCauseAndAPastPromiseAreRefused() {
        String c = "/api/v1/cases/" + open(admin(), "C-" + unique()).get("number").asString();
        admin().post(c + "/acknowledge", Map.of());
        admin().post(c + "/listen", Map.of("account", "It broke"));

        Http.Response cause = admin().post(c + "/identify-cause", Map.of("rootCause", "gremlins", "responsibility", "ours"));
        Http.Response past = admin().post(c + "/resolve", Map.of("resolution", "Refund", "promisedBy", "2020-01-01"));
        Http.Response notADate = admin().post(c + "/resolve", Map.of("resolution", "Refund", "promisedBy", "next friday"));

        assertThat(cause.status()).isEqualTo(400);
        assertThat(cause.json().get("detail").asString()).contains("gremlins", "carrier-delay");
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.json().get("detail").asString()).contains("promisedBy", "past");
        assertThat(notADate.status()).isEqualTo(400);
        assertThat(notADate.json().get("detail").asString()).contains("promisedBy");
    }

    @Test
    void anAgentTakesACaseButCannotReleaseAColleaguesOrGiveItAway() {
        Http ana = newUser("agent");
        Http ben = newUser("agent");
        long anaId = ana.get("/api/v1/me").json().get("id").asLong();
        long benId = ben.get("/api/v1/me").json().get("id").asLong();
        String c = "/api/v1/cases/" + open(admin(), "C-" + unique()).get("number").asString();

        assertThat(ana.post(c + "/assign", Map.of("assigneeId", anaId)).json().get("assignee").get("id").asLong()).isEqualTo(anaId);
        java.util.HashMap<String, Object> release = new java.util.HashMap<>();
        release.put("assigneeId", null);
        Http.Response releasedByBen = ben.post(c + "/assign", release);
        Http.Response givenAway = ana.post(c + "/assign", Map.of("assigneeId", benId));

        assertThat(releasedByBen.status()).isEqualTo(403);
        assertThat(givenAway.status()).isEqualTo(403);
        assertThat(admin().get(c).json().get("assignee").get("id").asLong()).isEqualTo(anaId);
        assertThat(ana.post(c + "/assign", release).json().get("assignee").isNull()).isTrue();
    }

    @Test
    void anUnknownCaseIsNotFound() {
        assertThat(admin().get("/api/v1/cases/RC-999999999").status()).isEqualTo(404);
        assertThat(admin().get("/api/v1/cases/not-a-number").status()).isEqualTo(404);
    }

    private String fulfilledCase() {
        String c = "/api/v1/cases/" + open(admin(), "C-" + unique()).get("number").asString();
        admin().post(c + "/acknowledge", Map.of());
        admin().post(c + "/listen", Map.of("account", "It broke"));
        admin().post(c + "/apologize", Map.of("apology", "Sorry"));
        admin().post(c + "/identify-cause", Map.of("rootCause", "product-defect", "responsibility", "ours"));
        admin().post(c + "/explain", Map.of("explanation", "A faulty batch"));
        admin().post(c + "/resolve", Map.of("resolution", "Refund", "promisedBy", today().toString()));
        admin().post(c + "/fulfil", Map.of());
        return c;
    }

    private List<String> timelineKinds(String casePath) {
        return admin().get(casePath + "/timeline").json().valueStream().map(e -> e.get("kind").asString()).toList();
    }

    private static String nextStep(Http.Response response) {
        if (response.status() != 200) {
            throw new AssertionError(response.body());
        }
        return response.json().get("nextStep").get("step").asString();
    }
}
