package org.redress.remedies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.redress.ApplicationTest;
import org.redress.Http;

import tools.jackson.databind.JsonNode;

/** Within authority a remedy is granted at once; above it, someone else with enough authority decides. */
class RemedyAuthorityTests extends ApplicationTest {

    // Seeded limits for refunds: agent 50.00 per case and 500.00 per month; lead 200.00 and 3,000.00.

    @Test
    void withinTheAgentsAuthorityARefundIsGrantedAtOnce() {
        Person agent = member("agent", null);
        String c = caseFor(agent);

        JsonNode granted = propose(agent.http(), c, "refund", "30.00");

        assertThat(granted.get("state").asString()).isEqualTo("APPROVED");
        assertThat(granted.get("grantedBy").asString()).isEqualTo(name(agent));
        assertThat(granted.get("terms").asString()).isEqualTo("Refund of 30.00 EUR: Broken vase");
        assertThat(member("lead", null).http().get("/api/v1/remedies/approvals").json().valueStream()
            .map(r -> r.get("id").asLong())).doesNotContain(granted.get("id").asLong());
        assertThat(kinds(c)).contains("remedy.granted");
    }

    @Test
    void aboveItARequestWaitsForSomeoneElseWithEnoughAuthority() {
        Person agent = member("agent", null);
        Person lead = member("lead", null);
        Person manager = member("manager", null);
        String c = caseFor(agent);

        JsonNode requested = propose(agent.http(), c, "refund", "80.00");
        assertThat(requested.get("state").asString()).isEqualTo("PENDING_APPROVAL");
        assertThat(requested.get("approvalDueAt").isNull()).isFalse();
        long id = requested.get("id").asLong();
        assertThat(lead.http().get("/api/v1/remedies/approvals").json().valueStream().map(r -> r.get("id").asLong())).contains(id);

        Http.Response byAgent = agent.http().post("/api/v1/remedies/" + id + "/approve", Map.of());
        assertThat(byAgent.status()).isEqualTo(403);

        JsonNode leadsOwn = propose(lead.http(), caseFor(lead), "refund", "300.00");
        assertThat(leadsOwn.get("state").asString()).isEqualTo("PENDING_APPROVAL");
        Http.Response selfApproval = lead.http().post("/api/v1/remedies/" + leadsOwn.get("id").asLong() + "/approve", Map.of());
        assertThat(selfApproval.status()).isEqualTo(403);
        assertThat(selfApproval.body()).contains("Nobody approves their own request");

        JsonNode approved = lead.http().post("/api/v1/remedies/" + id + "/approve", Map.of("note", "Fragile item, fair")).json();
        assertThat(approved.get("state").asString()).isEqualTo("APPROVED");
        assertThat(approved.get("grantedBy").asString()).isEqualTo(name(lead));
        assertThat(manager.http().post("/api/v1/remedies/" + leadsOwn.get("id").asLong() + "/approve", Map.of()).json()
            .get("state").asString()).isEqualTo("APPROVED");
        assertThat(kinds(c)).containsSubsequence("remedy.approval-requested", "remedy.approved");
    }

    @org.springframework.beans.factory.annotation.Autowired
    OverdueApprovals overdue;

    @Test
    void aRequestAlertsThoseWhoCanDecideItAndAgainWhenTheDecisionIsLate() {
        long team = newTeam("Approvers");
        Person agent = member("agent", team);
        Person lead = member("lead", team);
        Person otherLead = member("lead", null);
        JsonNode requested = propose(agent.http(), caseFor(agent), "refund", "120.00");
        long id = requested.get("id").asLong();

        assertThat(alerts(lead.http(), "approval.requested")).singleElement()
            .satisfies(alert -> assertThat(alert.get("text").asString()).contains("Refund of 120.00 EUR: Broken vase"));
        // The proposer's team has a lead who can decide: the request goes to them, not to every lead.
        assertThat(alerts(otherLead.http(), "approval.requested")).isEmpty();

        jdbc.sql("update remedies set approval_due_at = current_timestamp - interval '1' minute where id = ?").param(id).update();
        overdue.flag();
        overdue.flag();

        assertThat(alerts(lead.http(), "approval.overdue")).hasSize(1);
        assertThat(admin().get("/api/v1/cases/" + requested.get("caseId").asLong() + "/timeline").json().valueStream()
            .filter(e -> e.get("kind").asString().equals("remedy.approval-overdue")).count()).isEqualTo(1);
    }

    @Test
    void anApproversOwnLimitsApplyAndARejectionNeedsAReason() {
        Person agent = member("agent", null);
        Person lead = member("lead", null);
        String c = caseFor(agent);
        long id = propose(agent.http(), c, "refund", "250.00").get("id").asLong();

        Http.Response beyondLead = lead.http().post("/api/v1/remedies/" + id + "/approve", Map.of());
        assertThat(beyondLead.status()).isEqualTo(403);
        assertThat(beyondLead.body()).contains("beyond your own authority");

        assertThat(lead.http().post("/api/v1/remedies/" + id + "/reject", Map.of()).status()).isEqualTo(400);
        JsonNode rejected = lead.http().post("/api/v1/remedies/" + id + "/reject", Map.of("note", "Offer a replacement instead")).json();
        assertThat(rejected.get("state").asString()).isEqualTo("REJECTED");
        assertThat(rejected.get("decisionNote").asString()).isEqualTo("Offer a replacement instead");
        assertThat(kinds(c)).contains("remedy.rejected");
    }

    @Test
    void splittingOneRemedyIntoSeveralDoesNotGetPastThePerCaseLimit() {
        Person agent = member("agent", null);
        String c = caseFor(agent);

        assertThat(propose(agent.http(), c, "refund", "30.00").get("state").asString()).isEqualTo("APPROVED");
        assertThat(propose(agent.http(), c, "refund", "20.00").get("state").asString()).isEqualTo("APPROVED");
        JsonNode third = propose(agent.http(), c, "refund", "0.01");

        assertThat(third.get("state").asString()).isEqualTo("PENDING_APPROVAL");
        assertThat(lastSummary(c)).contains("the case total would be 50.01 EUR, above the limit of 50.00 EUR per case");
    }

    @Test
    void theMonthlyLimitCountsEveryCaseAndStartsAgainInANewMonth() {
        Person agent = member("agent", null);
        jdbc.sql("insert into authority_limits (user_id, remedy_type, per_case_minor, per_month_minor) values (?, 'credit', 10000, 6000)")
            .param(agent.id()).update();
        JsonNode first = propose(agent.http(), caseFor(agent), "credit", "40.00");
        assertThat(first.get("state").asString()).isEqualTo("APPROVED");

        assertThat(propose(agent.http(), caseFor(agent), "credit", "30.00").get("state").asString()).isEqualTo("PENDING_APPROVAL");

        // The 40.00 was granted last month: this month starts from nothing.
        jdbc.sql("update remedies set granted_at = granted_at - interval '40' day where id = ?").param(first.get("id").asLong()).update();
        assertThat(propose(agent.http(), caseFor(agent), "credit", "30.00").get("state").asString()).isEqualTo("APPROVED");
        assertThat(agent.http().get("/api/v1/remedies/authority").json().valueStream()
            .filter(line -> line.get("type").asString().equals("credit")).findFirst().orElseThrow()
            .get("leftThisMonth").asString()).isEqualTo("30.00");
    }

    @Test
    void twoManagersApprovingTheSameRequestAtOnceMakeOneDecision() throws Exception {
        Person agent = member("agent", null);
        Person first = member("manager", null);
        Person second = member("manager", null);
        long id = propose(agent.http(), caseFor(agent), "refund", "90.00").get("id").asLong();

        CompletableFuture<Http.Response> a = CompletableFuture.supplyAsync(() ->
            first.http().post("/api/v1/remedies/" + id + "/approve", Map.of()));
        CompletableFuture<Http.Response> b = CompletableFuture.supplyAsync(() ->
            second.http().post("/api/v1/remedies/" + id + "/approve", Map.of()));
        List<Integer> statuses = List.of(a.get().status(), b.get().status());

        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'remedy.approved' and subject = ?")
            .param("remedy:" + id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void moneyIsExactAndBadAmountsAreRefusedWithNothingWritten() {
        Person agent = member("agent", null);
        String c = caseFor(agent);

        JsonNode discount = agent.http().post(c + "/remedies", Map.of("type", "discount-percent", "percent", 10,
            "baseAmount", "0.25", "description", "Next order")).json();
        // 10 % of 0.25 is 0.025: half-even rounding gives 0.02.
        assertThat(discount.get("amount").asString()).isEqualTo("0.02");
        long before = count("remedies");

        for (Map<String, Object> bad : List.of(
                Map.<String, Object>of("type", "refund", "amount", "-5.00", "description", "x"),
                Map.<String, Object>of("type", "refund", "amount", "49.999", "description", "x"),
                Map.<String, Object>of("type", "refund", "amount", "10.00", "currency", "USD", "description", "x"),
                Map.<String, Object>of("type", "yacht", "amount", "10.00", "description", "x"),
                Map.<String, Object>of("type", "refund", "amount", "0", "description", "x"))) {
            Http.Response refused = agent.http().post(c + "/remedies", bad);
            assertThat(refused.status()).as(bad.toString()).isEqualTo(400);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(count("remedies")).isEqualTo(before);
    }

    @Test
    void noRemedyIsOfferedOnAClosedCase() {
        Person agent = member("agent", null);
        String c = caseFor(agent);
        long granted = propose(agent.http(), c, "goodwill", "5.00").get("id").asLong();
        agent.http().post(c + "/acknowledge", Map.of());
        agent.http().post(c + "/close", Map.of("outcome", "not_recovered", "note", "Customer went quiet"));
        long before = count("remedies");

        Http.Response refused = agent.http().post(c + "/remedies", Map.of("type", "refund", "amount", "10.00", "description", "x"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("is closed");
        assertThat(count("remedies")).isEqualTo(before);
        Http.Response offer = agent.http().post("/api/v1/remedies/" + granted + "/offer", Map.of("deliverBy", today().toString()));
        assertThat(offer.status()).isEqualTo(409);
        assertThat(agent.http().get("/api/v1/remedies/" + granted).json().get("state").asString()).isEqualTo("APPROVED");
    }

    private String caseFor(Person agent) {
        String number = open(admin(), "C-" + unique()).get("number").asString();
        admin().post("/api/v1/cases/" + number + "/assign", Map.of("assigneeId", agent.id()));
        return "/api/v1/cases/" + number;
    }

    private static JsonNode propose(Http http, String casePath, String type, String amount) {
        Map<String, Object> body = new HashMap<>(Map.of("type", type, "amount", amount, "description", "Broken vase"));
        Http.Response response = http.post(casePath + "/remedies", body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private List<String> kinds(String casePath) {
        return admin().get(casePath + "/timeline").json().valueStream().map(e -> e.get("kind").asString()).toList();
    }

    private String lastSummary(String casePath) {
        List<JsonNode> timeline = admin().get(casePath + "/timeline").json().valueStream().toList();
        return timeline.get(timeline.size() - 1).get("summary").asString();
    }
}
