package org.redress.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.redress.ApplicationTest;
import org.redress.Http;

import tools.jackson.databind.JsonNode;

/**
 * Closing for a reason (a duplicate, spam, not a complaint) and acting on many cases at once:
 * all or nothing, each case checked against the same rule as one at a time.
 */
class BulkActionTests extends ApplicationTest {

    @Test
    void aDuplicateIsClosedWithItsReasonAndTheCaseItRepeatsOnTheCaseAndItsTimeline() {
        // A duplicate is merged into a case of the same customer (CaseMergingTests): here, a second complaint of theirs.
        String customer = "C-" + unique();
        String original = open(admin(), customer).get("number").asString();
        String repeat = admin().post("/api/v1/complaints", complaint(customer, "billing")).json().get("number").asString();

        JsonNode closed = admin().post("/api/v1/cases/" + repeat + "/close",
            Map.of("reason", "duplicate", "duplicateOf", original)).json();

        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("closeReason").asString()).isEqualTo("DUPLICATE");
        assertThat(closed.get("duplicateOf").asString()).isEqualTo(original);
        assertThat(closed.get("outcome").isNull()).isTrue();
        assertThat(timeline(repeat)).contains("Closed as a duplicate of " + original);
    }

    @Test
    void reopeningForgetsTheCloseReason() {
        String c = open(admin(), "C-" + unique()).get("number").asString();
        admin().post("/api/v1/cases/" + c + "/close", Map.of("reason", "spam"));

        JsonNode reopened = admin().post("/api/v1/cases/" + c + "/reopen", Map.of("reason", "A real customer after all")).json();

        assertThat(reopened.get("closeReason").isNull()).isTrue();
        assertThat(reopened.get("status").asString()).isEqualTo("NEW");
    }

    @Test
    void aCloseReasonThatIsNotOneOrADuplicateOfNothingIsRefusedAndChangesNothing() {
        String c = open(admin(), "C-" + unique()).get("number").asString();

        Http.Response unknown = admin().post("/api/v1/cases/" + c + "/close", Map.of("reason", "boring"));
        Http.Response ofNothing = admin().post("/api/v1/cases/" + c + "/close", Map.of("reason", "duplicate"));
        Http.Response ofItself = admin().post("/api/v1/cases/" + c + "/close", Map.of("reason", "duplicate", "duplicateOf", c));
        Http.Response ofMissing = admin().post("/api/v1/cases/" + c + "/close",
            Map.of("reason", "duplicate", "duplicateOf", "RC-99999999"));

        assertThat(List.of(unknown, ofNothing, ofItself, ofMissing)).allSatisfy(response -> {
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.header("Content-Type")).contains("application/problem+json");
        });
        assertThat(unknown.json().get("detail").asString()).contains("duplicate, spam, not-a-complaint");
        assertThat(ofMissing.json().get("detail").asString()).contains("RC-99999999");
        assertThat(admin().get("/api/v1/cases/" + c).json().get("status").asString()).isEqualTo("NEW");
    }

    @Test
    void manyCasesAreClosedAsSpamAtOnce() {
        String a = open(admin(), "C-" + unique()).get("number").asString();
        String b = open(admin(), "C-" + unique()).get("number").asString();

        Http.Response response = admin().post("/api/v1/cases/bulk", Map.of("cases", List.of(a, b), "action", "close",
            "reason", "spam"));

        assertThat(response.status()).isEqualTo(200);
        for (String c : List.of(a, b)) {
            assertThat(admin().get("/api/v1/cases/" + c).json().get("closeReason").asString()).isEqualTo("SPAM");
            assertThat(timeline(c)).contains("Closed as spam");
        }
    }

    @Test
    void anAgentActingOnACaseOfAnotherTeamAmongOthersChangesNoneAndIsToldWhich() {
        long team = newTeam("Bulk");
        long other = newTeam("Elsewhere");
        Person agent = member("agent", team);
        String ours = inTeam(team);
        String theirs = inTeam(other);

        Http.Response refused = agent.http().post("/api/v1/cases/bulk", Map.of("cases", List.of(ours, theirs),
            "action", "severity", "severity", 1, "note", "Press is watching"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("detail").asString()).contains("Nothing was changed").contains(theirs)
            .doesNotContain(ours + ",");
        assertThat(admin().get("/api/v1/cases/" + ours).json().get("severity").asInt()).isEqualTo(2);
        assertThat(admin().get("/api/v1/cases/" + theirs).json().get("severity").asInt()).isEqualTo(2);
    }

    @Test
    void aChangeRefusedOnOneCaseLeavesEveryCaseAsItWas() {
        String open = open(admin(), "C-" + unique()).get("number").asString();
        String closed = open(admin(), "C-" + unique()).get("number").asString();
        admin().post("/api/v1/cases/" + closed + "/close", Map.of("reason", "spam"));
        long me = admin().get("/api/v1/me").json().get("id").asLong();

        Http.Response refused = admin().post("/api/v1/cases/bulk", Map.of("cases", List.of(open, closed), "action", "assign",
            "assigneeId", me));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains(closed);
        assertThat(admin().get("/api/v1/cases/" + open).json().get("assignee").isNull()).isTrue();
    }

    @Test
    void badBulkRequestsAreProblems() {
        String c = open(admin(), "C-" + unique()).get("number").asString();

        Http.Response noCases = admin().post("/api/v1/cases/bulk", Map.of("cases", List.of(), "action", "close", "reason", "spam"));
        Http.Response noAction = admin().post("/api/v1/cases/bulk", Map.of("cases", List.of(c), "action", "merge"));
        Http.Response noReason = admin().post("/api/v1/cases/bulk", Map.of("cases", List.of(c), "action", "close"));
        Http.Response badNumber = admin().post("/api/v1/cases/bulk", Map.of("cases", List.of("nonsense"), "action", "close",
            "reason", "spam"));

        assertThat(List.of(noCases, noAction, noReason, badNumber)).allSatisfy(response ->
            assertThat(response.status()).isEqualTo(400));
        assertThat(noReason.json().get("detail").asString()).contains("reason");
        assertThat(admin().get("/api/v1/cases/" + c).json().get("status").asString()).isEqualTo("NEW");
    }

    private String inTeam(long team) {
        Map<String, Object> body = new HashMap<>(complaint("C-" + unique(), "delivery"));
        String number = admin().post("/api/v1/complaints", body).json().get("number").asString();
        admin().post("/api/v1/cases/" + number + "/assign", Map.of("teamId", team));
        return number;
    }

    private String timeline(String number) {
        return admin().get("/api/v1/cases/" + number + "/timeline").body();
    }
}
