package org.redress.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.redress.ApplicationTest;
import org.redress.Http;

import tools.jackson.databind.JsonNode;

/**
 * Closing a case as a duplicate merges it into the case it repeats: messages, timeline, open
 * promises and remedies move, the customer's link and replies to our mail follow, and every
 * refusal leaves both cases as they were.
 */
class CaseMergingTests extends ApplicationTest {

    @Test
    void aDuplicateMovesItsMessagesTimelinePromisesAndRemediesToTheCaseItRepeats() {
        String customer = "M-" + unique();
        String into = open(admin(), customer).get("number").asString();
        String from = number(admin().post("/api/v1/complaints", complaint(customer, "billing")));
        heard(admin(), path(into));
        heard(admin(), path(from));
        String reply = admin().post(path(from) + "/replies", Map.of("subject", "Photos please",
            "text", "Could you send us a photo of the box?")).json().get("messageId").asString();
        admin().post(path(from) + "/notes", Map.of("text", "Customer called twice about this"));
        admin().post(path(from) + "/promises", Map.of("description", "A technician will call",
            "dueAt", Instant.now().plus(Duration.ofDays(2)).toString()));
        long remedy = admin().post(path(from) + "/remedies", Map.of("type", "goodwill", "amount", "10.00",
            "description", "For the trouble")).json().get("id").asLong();
        String link = admin().post("/api/v1/remedies/" + remedy + "/offer", Map.of("deliverBy", today().plusDays(3).toString()))
            .json().get("customerLink").asString();

        JsonNode stub = admin().post(path(from) + "/close", Map.of("reason", "duplicate", "duplicateOf", into,
            "note", "Same parcel")).json();

        assertThat(stub.get("status").asString()).isEqualTo("CLOSED");
        assertThat(stub.get("duplicateOf").asString()).isEqualTo(into);
        assertThat(summaries(from)).containsExactly("Closed as a duplicate of " + into + " and merged into it: “Same parcel”");
        assertThat(admin().get(path(from) + "/messages").json().size()).isZero();
        assertThat(jdbc.sql("select count(*) from sla_queue where case_id = ?").param(CaseManagement.idOf(from))
            .query(Long.class).single()).as("the duplicate's clocks stopped: it left the queue").isZero();
        assertThat(bodies(into)).contains("The box was crushed and the vase inside is in pieces.",
            "Could you send us a photo of the box?");
        assertThat(summaries(into)).contains("From " + from + ": Customer called twice about this",
            "Merged " + from + " into this case: its messages, timeline, open promises and remedies are here now");
        assertThat(admin().get(path(into) + "/promises").json().valueStream().map(p -> p.get("description").asString()))
            .contains("A technician will call");
        assertThat(admin().get(path(into) + "/remedies").json().valueStream().map(r -> r.get("id").asLong()))
            .contains(remedy);
        assertThat(Http.anonymous(port).get(link.substring(link.indexOf("/c/"))).body()).contains("Case " + into)
            .contains("/offers/" + remedy + "/accept").doesNotContain("From " + from);
        JsonNode answer = integration().post("/api/v1/inbound/email", Map.of("from", customer.toLowerCase() + "@example.com",
            "subject", "Re: Photos please", "text", "Here it is.", "messageId", "<" + unique() + "@mail.example.com>",
            "inReplyTo", reply)).json();
        assertThat(answer.get("caseNumber").asString()).isEqualTo(into);
        assertThat(jdbc.sql("select case_id from outbox where message_id = ?").param(reply).query(Long.class).single())
            .isEqualTo(CaseManagement.idOf(into));
    }

    @Test
    void aMergedCaseCannotBeReopened() {
        String customer = "M-" + unique();
        String into = open(admin(), customer).get("number").asString();
        String from = number(admin().post("/api/v1/complaints", complaint(customer, "billing")));
        admin().post(path(from) + "/close", Map.of("reason", "duplicate", "duplicateOf", into));

        Http.Response reopened = admin().post(path(from) + "/reopen", Map.of("reason", "Oops"));

        assertThat(reopened.status()).isEqualTo(409);
        assertThat(reopened.json().get("detail").asString()).contains("merged into " + into);
    }

    @Test
    void aMergeIntoAClosedCaseOrIntoAMergedOneIsRefusedAndChangesNothing() {
        String customer = "M-" + unique();
        String closed = open(admin(), customer).get("number").asString();
        admin().post(path(closed) + "/close", Map.of("reason", "spam"));
        String survivor = open(admin(), customer).get("number").asString();
        String merged = number(admin().post("/api/v1/complaints", complaint(customer, "billing")));
        admin().post(path(merged) + "/close", Map.of("reason", "duplicate", "duplicateOf", survivor));
        String from = number(admin().post("/api/v1/complaints", complaint(customer, "billing")));
        Snapshot before = snapshot(from);

        Http.Response intoClosed = admin().post(path(from) + "/close", Map.of("reason", "duplicate", "duplicateOf", closed));
        Http.Response intoMerged = admin().post(path(from) + "/close", Map.of("reason", "duplicate", "duplicateOf", merged));

        assertRefused(intoClosed, 409, closed + " is closed");
        assertRefused(intoMerged, 409, "merge " + from + " into " + survivor + " instead");
        assertThat(snapshot(from)).isEqualTo(before);
    }

    @Test
    void aMergeIntoAnotherCustomersCaseIsRefusedAndChangesNothing() {
        String theirs = open(admin(), "M-" + unique()).get("number").asString();
        String ours = open(admin(), "M-" + unique()).get("number").asString();
        Snapshot before = snapshot(ours);
        Snapshot theirsBefore = snapshot(theirs);

        Http.Response refused = admin().post(path(ours) + "/close", Map.of("reason", "duplicate", "duplicateOf", theirs));

        assertRefused(refused, 409, "different customers");
        assertThat(snapshot(ours)).isEqualTo(before);
        assertThat(snapshot(theirs)).isEqualTo(theirsBefore);
    }

    @Test
    void anAgentMayMergeOnlyIntoACaseTheyMayActOn() {
        String customer = "M-" + unique();
        long team = newTeam("Merging");
        long other = newTeam("Elsewhere");
        Person agent = member("agent", team);
        String into = open(admin(), customer).get("number").asString();
        String from = number(admin().post("/api/v1/complaints", complaint(customer, "billing")));
        admin().post(path(from) + "/assign", Map.of("teamId", team));
        admin().post(path(into) + "/assign", Map.of("teamId", other));
        Snapshot before = snapshot(from);
        Snapshot intoBefore = snapshot(into);

        Http.Response refused = agent.http().post(path(from) + "/close", Map.of("reason", "duplicate", "duplicateOf", into));

        assertRefused(refused, 403, into);
        assertThat(snapshot(from)).isEqualTo(before);
        assertThat(snapshot(into)).isEqualTo(intoBefore);
    }

    @Test
    void aCaseWithAnAgreedResolutionNotYetDeliveredIsNotMergedSoNoPromiseIsDoubled() {
        String customer = "M-" + unique();
        String into = open(admin(), customer).get("number").asString();
        String from = number(admin().post("/api/v1/complaints", complaint(customer, "billing")));
        heard(admin(), path(from));
        admin().post(path(from) + "/resolve", Map.of("resolution", "Refund the vase", "promisedBy", today().plusDays(2).toString()));
        Snapshot before = snapshot(from);
        Snapshot intoBefore = snapshot(into);

        Http.Response refused = admin().post(path(from) + "/close", Map.of("reason", "duplicate", "duplicateOf", into));

        assertRefused(refused, 409, "agreed resolution not yet delivered");
        assertThat(snapshot(from)).isEqualTo(before);
        assertThat(snapshot(into)).isEqualTo(intoBefore);
    }

    @Test
    void anOpenOfferIsNotMergedIntoACaseWhereNoOfferCanStandAndNothingIsHalfWritten() {
        String customer = "M-" + unique();
        String into = open(admin(), customer).get("number").asString();
        String from = number(admin().post("/api/v1/complaints", complaint(customer, "billing")));
        heard(admin(), path(from));
        long remedy = admin().post(path(from) + "/remedies", Map.of("type", "goodwill", "amount", "10.00",
            "description", "For the trouble")).json().get("id").asLong();
        admin().post("/api/v1/remedies/" + remedy + "/offer", Map.of("deliverBy", today().plusDays(3).toString()));
        Snapshot before = snapshot(from);
        Snapshot intoBefore = snapshot(into);

        Http.Response refused = admin().post(path(from) + "/close", Map.of("reason", "duplicate", "duplicateOf", into));

        assertRefused(refused, 409, "Acknowledge and listen");
        assertThat(snapshot(from)).isEqualTo(before);
        assertThat(snapshot(into)).isEqualTo(intoBefore);
        assertThat(admin().get(path(from) + "/remedies").json().size()).isEqualTo(1);
    }

    @Test
    void aMergeThatWouldPutMoreOnACaseThanItsGranterMayGrantIsRefusedAndChangesNothing() {
        Person agent = member("agent", null);
        admin().put("/api/v1/remedies/authority-limits", Map.of("userId", agent.id(), "type", "goodwill",
            "perCase", "25.00", "perMonth", "500.00"));
        String customer = "M-" + unique();
        String into = open(admin(), customer).get("number").asString();
        String from = number(admin().post("/api/v1/complaints", complaint(customer, "billing")));
        for (String number : List.of(into, from)) {
            assertThat(agent.http().post(path(number) + "/remedies", Map.of("type", "goodwill", "amount", "20.00",
                "description", "For the trouble")).json().get("state").asString()).isEqualTo("APPROVED");
        }
        Snapshot before = snapshot(from);
        Snapshot intoBefore = snapshot(into);

        Http.Response refused = agent.http().post(path(from) + "/close", Map.of("reason", "duplicate", "duplicateOf", into));

        assertRefused(refused, 409, "Merging would put 40.00 EUR of goodwill on " + into);
        assertThat(refused.json().get("detail").asString()).contains("(25.00 EUR)");
        assertThat(snapshot(from)).isEqualTo(before);
        assertThat(snapshot(into)).isEqualTo(intoBefore);
        assertThat(admin().get(path(from) + "/remedies").json().size()).isEqualTo(1);
        assertThat(admin().get(path(into) + "/remedies").json().size()).isEqualTo(1);

        // Within the limit the same merge goes through, and the remedy moves with it.
        admin().put("/api/v1/remedies/authority-limits", Map.of("userId", agent.id(), "type", "goodwill",
            "perCase", "50.00", "perMonth", "500.00"));
        assertThat(agent.http().post(path(from) + "/close", Map.of("reason", "duplicate", "duplicateOf", into)).status())
            .isEqualTo(200);
        assertThat(admin().get(path(into) + "/remedies").json().size()).isEqualTo(2);
    }

    @Test
    void anOfferWaitingOnTheCustomerPausesTheSurvivorsClocksWhenItMovesThere() {
        String customer = "M-" + unique();
        String into = open(admin(), customer).get("number").asString();
        String from = number(admin().post("/api/v1/complaints", complaint(customer, "billing")));
        heard(admin(), path(into));
        heard(admin(), path(from));
        long remedy = admin().post(path(from) + "/remedies", Map.of("type", "goodwill", "amount", "10.00",
            "description", "For the trouble")).json().get("id").asLong();
        admin().post("/api/v1/remedies/" + remedy + "/offer", Map.of("deliverBy", today().plusDays(3).toString()));
        assertThat(states(into)).doesNotContain("PAUSED");

        admin().post(path(from) + "/close", Map.of("reason", "duplicate", "duplicateOf", into));

        assertThat(states(into)).contains("PAUSED").doesNotContain("ON_TRACK", "AT_RISK");
        assertThat(summaries(into)).contains("Time targets paused: " + from + ", merged in, was waiting on the customer");
    }

    @Test
    void aSurvivorWaitingOnTheCustomerRunsAgainWhenTheMergedCaseHoldsTheirNewerMessage() {
        String customer = "M-" + unique();
        String into = open(admin(), customer).get("number").asString();
        heard(admin(), path(into));
        admin().post(path(into) + "/sla/pause", Map.of("reason", "asked for a photo of the box"));
        assertThat(states(into)).contains("PAUSED");
        // The customer answers by writing anew, about something that opens a case of its own.
        String from = number(admin().post("/api/v1/complaints", complaint(customer, "billing")));

        admin().post(path(from) + "/close", Map.of("reason", "duplicate", "duplicateOf", into));

        assertThat(states(into)).doesNotContain("PAUSED");
        assertThat(summaries(into)).anyMatch(line -> line.startsWith("Time targets resumed: the customer wrote on " + from));
    }

    @Test
    void bulkClosingAsDuplicatesMergesEachCase() {
        String customer = "M-" + unique();
        String into = open(admin(), customer).get("number").asString();
        String second = number(admin().post("/api/v1/complaints", complaint(customer, "billing")));

        Http.Response response = admin().post("/api/v1/cases/bulk", Map.of("cases", List.of(second), "action", "close",
            "reason", "duplicate", "duplicateOf", into));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(summaries(into)).contains("Merged " + second + " into this case: its messages, timeline, open promises "
            + "and remedies are here now");
    }

    /** What a refusal must leave as it was: the case's state, its messages and its timeline. */
    private record Snapshot(String status, int messages, List<String> timeline) {}

    private Snapshot snapshot(String number) {
        return new Snapshot(admin().get(path(number)).json().get("status").asString(),
            admin().get(path(number) + "/messages").json().size(), summaries(number));
    }

    private static void assertRefused(Http.Response response, int status, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).contains("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains(detail);
    }

    private List<String> summaries(String number) {
        return admin().get(path(number) + "/timeline").json().valueStream().map(e -> e.get("summary").asString()).toList();
    }

    private List<String> states(String number) {
        return admin().get(path(number) + "/sla").json().valueStream().map(c -> c.get("state").asString()).toList();
    }

    private List<String> bodies(String number) {
        return admin().get(path(number) + "/messages").json().valueStream().map(m -> m.get("body").asString()).toList();
    }

    private static String number(Http.Response response) {
        if (response.status() != 201 && response.status() != 200) {
            throw new IllegalStateException(response.body());
        }
        return response.json().get("number").asString();
    }

    private static String path(String number) {
        return "/api/v1/cases/" + number;
    }
}
