package org.redress.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.redress.ApplicationTest;
import org.redress.Http;

import tools.jackson.databind.JsonNode;

/**
 * Quality reviews of real cases: a lead starts from what the case's record suggests, the agent
 * is alerted and acknowledges or disputes; who may do what; bad input leaves nothing behind;
 * calibration sessions stay blind until you have scored and then show how far scores differ.
 */
class QualityReviewTests extends ApplicationTest {

    @Test
    void aLeadReviewsACaseFromItsRecordAndTheAgentAcknowledgesIt() {
        long team = newTeam("Quality " + unique());
        Person agent = member("agent", team);
        Person lead = member("lead", team);
        String number = handled(agent, team, "Sorry about that, but you should have checked the parcel on delivery.");

        JsonNode draft = lead.http().get("/api/v1/cases/" + number + "/review-draft").json();

        assertThat(draft.get("agentId").asLong()).isEqualTo(agent.id());
        assertThat(suggested(draft)).isEqualTo(Map.of(
            "ACKNOWLEDGED_IN_TIME", "MET", "LISTENED", "MET", "APOLOGIZED", "PARTLY", "OWNED_OUR_PART", "MET", "EXPLAINED", "MET",
            "FAIR_REMEDY", "MISSED", "DATE_KEPT", "MISSED", "FOLLOWED_UP", "NOT_APPLICABLE"));
        assertThat(item(draft, "APOLOGIZED").get("why").asString()).contains("blame put on the customer");
        // Weights 2,1,2,1,1,2,2 (follow-up not applicable): 2 + 1 + 1 + 1 + 1 of 11.
        assertThat(draft.get("suggestedScore").asDouble()).isEqualTo(54.5);

        Http.Response made = lead.http().post("/api/v1/quality/reviews", Map.of("caseNumber", number, "comment", "Good start; drop the 'but'.",
            "ratings", Map.of("DATE_KEPT", Map.of("rating", "not-applicable", "note", "Nothing agreed yet"))));

        assertThat(made.status()).as(made.body()).isEqualTo(201);
        JsonNode review = made.json();
        assertThat(review.get("score").asDouble()).as("6 of 9 once the date does not apply").isEqualTo(66.7);
        assertThat(review.get("state").asString()).isEqualTo("SUBMITTED");
        assertThat(review.get("scorecardVersion").asInt()).isEqualTo(1);
        JsonNode date = rated(review, "DATE_KEPT");
        assertThat(date.get("rating").asString()).isEqualTo("NOT_APPLICABLE");
        assertThat(date.get("suggested").asString()).isEqualTo("MISSED");
        assertThat(date.get("note").asString()).isEqualTo("Nothing agreed yet");
        assertThat(alerts(agent.http(), "quality.review").get(0).get("text").asString())
            .contains("reviewed your work on " + number + ": 66.7%");

        String path = "/api/v1/quality/reviews/" + review.get("id").asLong();
        assertThat(agent.http().get("/api/v1/quality/reviews").json().valueStream().map(r -> r.get("id").asLong()).toList())
            .containsExactly(review.get("id").asLong());
        JsonNode acknowledged = agent.http().post(path + "/acknowledge", Map.of("note", "Understood.")).json();
        assertThat(acknowledged.get("state").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(acknowledged.get("answer").asString()).isEqualTo("Understood.");
        assertThat(agent.http().post(path + "/dispute", Map.of("reason", "Changed my mind")).status()).isEqualTo(409);
        assertThat(admin().get("/api/v1/audit?subject=review:" + review.get("id").asLong()).body())
            .contains("quality.review-submitted", "quality.review-acknowledged");
    }

    @Test
    void anAgentDisputesTheirReviewAndOnlyTheyMayAnswerIt() {
        long team = newTeam("Quality " + unique());
        Person agent = member("agent", team);
        Person colleague = member("agent", team);
        Person lead = member("lead", team);
        String number = handled(agent, team, "I am so sorry: we got this wrong.");
        long id = lead.http().post("/api/v1/quality/reviews", Map.of("caseNumber", number)).json().get("id").asLong();
        String path = "/api/v1/quality/reviews/" + id;

        assertThat(colleague.http().post(path + "/acknowledge", Map.of()).status()).isEqualTo(403);
        assertThat(colleague.http().get(path).status()).as("not theirs to read").isEqualTo(404);
        Http.Response noReason = agent.http().post(path + "/dispute", Map.of());
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");

        JsonNode disputed = agent.http().post(path + "/dispute", Map.of("reason", "The customer asked me not to call.")).json();

        assertThat(disputed.get("state").asString()).isEqualTo("DISPUTED");
        assertThat(alerts(lead.http(), "quality.review-disputed").get(0).get("text").asString())
            .contains("disputes your review of " + number, "The customer asked me not to call.");
        assertThat(lead.http().get("/api/v1/quality/reviews?state=disputed&agent=" + agent.id()).json().get(0).get("id").asLong())
            .isEqualTo(id);
    }

    @Test
    void onlyLeadsReviewNobodyTheirOwnWorkAndABadReviewLeavesNothingBehind() {
        long team = newTeam("Quality " + unique());
        Person agent = member("agent", team);
        Person lead = member("lead", team);
        String number = handled(agent, team, "Sorry.");
        long before = count("quality_reviews");

        assertThat(agent.http().post("/api/v1/quality/reviews", Map.of("caseNumber", number)).status()).isEqualTo(403);
        assertThat(agent.http().get("/api/v1/cases/" + number + "/review-draft").status()).isEqualTo(403);
        assertRefused(lead.http().post("/api/v1/quality/reviews", Map.of("caseNumber", number, "agentId", lead.id())), "agentId");
        assertRefused(lead.http().post("/api/v1/quality/reviews", Map.of("caseNumber", number,
            "ratings", Map.of("APOLOGIZED", Map.of("rating", "superb")))), "ratings.APOLOGIZED");
        assertRefused(lead.http().post("/api/v1/quality/reviews", Map.of("caseNumber", number,
            "ratings", Map.of("CHARM", Map.of("rating", "met")))), "ratings.CHARM");
        assertRefused(lead.http().post("/api/v1/quality/reviews", Map.of("agentId", agent.id())), "caseNumber");
        Http.Response elsewhere = member("lead", newTeam("Other " + unique())).http()
            .post("/api/v1/quality/reviews", Map.of("caseNumber", number));
        assertThat(elsewhere.status()).as("a lead of another team may not open the case").isEqualTo(403);

        assertRefused(lead.http().get("/api/v1/quality/reviews?limit=0"), "limit");
        assertRefused(lead.http().get("/api/v1/quality/calibrations?limit=201"), "limit");
        assertThat(count("quality_reviews")).isEqualTo(before);
    }

    @Test
    void aCalibrationSessionStaysBlindUntilYouScoreThenShowsHowFarScoresDiffer() {
        long team = newTeam("Quality " + unique());
        Person agent = member("agent", team);
        Person first = member("lead", team);
        Person second = member("lead", team);
        String number = handled(agent, team, "Sorry, it is company policy.");
        JsonNode session = first.http().post("/api/v1/quality/calibrations", Map.of("caseNumber", number, "note", "Monday calibration"))
            .json();
        String path = "/api/v1/quality/calibrations/" + session.get("id").asLong();

        Http.Response scored = first.http().post(path + "/scores", Map.of("ratings", Map.of("APOLOGIZED", Map.of("rating", "missed"))));
        assertThat(scored.status()).as(scored.body()).isEqualTo(201);
        JsonNode blind = second.http().get(path).json();
        assertThat(blind.get("scoredBy").size()).isEqualTo(1);
        assertThat(blind.get("reviews").size()).as("hidden until you score").isZero();
        assertThat(blind.get("disagreement").isNull()).isTrue();

        second.http().post(path + "/scores", Map.of("ratings", Map.of("APOLOGIZED", Map.of("rating", "partly"),
            "FAIR_REMEDY", Map.of("rating", "not-applicable"))));
        JsonNode open = second.http().get(path).json();

        assertThat(open.get("reviews").size()).isEqualTo(2);
        JsonNode disagreement = open.get("disagreement");
        // Eight items; the two differ on two of them (apology; fair remedy): 6 of 8 alike.
        assertThat(disagreement.get("agreementPercent").asDouble()).isEqualTo(75.0);
        // First: 2+1+0+1+1+0+0 of 11 = 45.5%; second: 2+1+1+1+1+0 of 9 = 66.7%.
        assertThat(disagreement.get("scoreSpread").asDouble()).isEqualTo(21.2);
        assertThat(disagreement.get("items").get(0).get("agreementPercent").asDouble()).isZero();
        assertThat(second.http().post(path + "/scores", Map.of()).status()).as("once each").isEqualTo(409);
        assertThat(agent.http().get("/api/v1/quality/reviews").json().size()).as("calibration scores are not sent to the agent").isZero();
        assertThat(agent.http().get("/api/v1/alerts").body()).doesNotContain("quality.review");
    }

    // A case the agent holds, acknowledged, heard, apologised for (in these words), its cause found (ours) and explained.
    private String handled(Person agent, long team, String apology) {
        String number = open(admin(), "QR-" + unique()).get("number").asString();
        admin().post("/api/v1/cases/" + number + "/assign", Map.of("assigneeId", agent.id(), "teamId", team));
        String c = "/api/v1/cases/" + number;
        for (Map.Entry<String, Map<String, Object>> step : List.of(
            Map.entry("acknowledge", Map.<String, Object>of("message", "We are on it.")),
            Map.entry("listen", Map.<String, Object>of("account", "The parcel came torn.")),
            Map.entry("apologize", Map.<String, Object>of("apology", apology)),
            Map.entry("identify-cause", Map.<String, Object>of("rootCause", "carrier-delay", "responsibility", "ours")),
            Map.entry("explain", Map.<String, Object>of("explanation", "The carrier left it in the rain and we did not check.")))) {
            Http.Response done = agent.http().post(c + "/" + step.getKey(), step.getValue());
            assertThat(done.status()).as(step.getKey() + ": " + done.body()).isEqualTo(200);
        }
        return number;
    }

    private static Map<String, String> suggested(JsonNode draft) {
        Map<String, String> byCode = new java.util.LinkedHashMap<>();
        draft.get("items").forEach(item -> byCode.put(item.get("code").asString(), item.get("suggested").asString()));
        return byCode;
    }

    private static JsonNode item(JsonNode draft, String code) {
        return draft.get("items").valueStream().filter(i -> i.get("code").asString().equals(code)).findFirst().orElseThrow();
    }

    private static JsonNode rated(JsonNode review, String code) {
        return review.get("ratings").valueStream().filter(i -> i.get("code").asString().equals(code)).findFirst().orElseThrow();
    }

    private static void assertRefused(Http.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList()).contains(field);
    }
}
