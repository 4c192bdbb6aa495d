package org.redress.remedies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.redress.ApplicationTest;
import org.redress.Http;

import tools.jackson.databind.JsonNode;

/** Suggestions keep offers consistent; the ledger shows what was given, by whom. */
class FairOfferAndLedgerTests extends ApplicationTest {

    @Test
    void theSuggestionFollowsPolicyAndWeighsResponsibilityAndRepeatFailures() {
        String category = "fair-" + unique();
        admin().put("/api/v1/taxonomy/categories/" + category, Map.of("label", "Fair test"));
        String ref = "C-" + unique();
        JsonNode first = openIn(category, ref, 2);
        String c = "/api/v1/cases/" + first.get("number").asString();

        JsonNode plain = admin().get(c + "/remedies/suggestion").json();
        // Severity 2 policy: a refund of 20.00–60.00.
        assertThat(plain.get("type").asString()).isEqualTo("refund");
        assertThat(plain.get("from").asString()).isEqualTo("20.00");
        assertThat(plain.get("to").asString()).isEqualTo("60.00");
        assertThat(plain.get("reasons").valueStream().map(JsonNode::asString))
            .anyMatch(r -> r.startsWith("Apologize first"));

        admin().post(c + "/acknowledge", Map.of());
        admin().post(c + "/listen", Map.of("account", "x"));
        admin().post(c + "/identify-cause", Map.of("rootCause", "carrier-delay", "responsibility", "not-ours"));
        JsonNode notOurs = admin().get(c + "/remedies/suggestion").json();
        assertThat(notOurs.get("to").asString()).isEqualTo("30.00");

        // A second complaint from the same customer in another case of this category: a repeat failure.
        admin().post(c + "/acknowledge", Map.of());
        admin().post(c + "/close", Map.of("outcome", "not_recovered", "note", "x"));
        JsonNode second = openIn(category, ref, 2);
        JsonNode repeat = admin().get("/api/v1/cases/" + second.get("number").asString() + "/remedies/suggestion").json();
        assertThat(repeat.get("to").asString()).isEqualTo("75.00");
        assertThat(repeat.get("reasons").valueStream().map(JsonNode::asString)).anyMatch(r -> r.contains("happened to this customer before"));
    }

    @Test
    void precedentShowsTheMedianAndSpreadOfWhatSimilarClosedCasesReceived() {
        String category = "prec-" + unique();
        admin().put("/api/v1/taxonomy/categories/" + category, Map.of("label", "Precedent test"));
        for (String amount : List.of("10.00", "20.00", "30.00", "40.00")) {
            JsonNode closed = openIn(category, "C-" + unique(), 3);
            String c = "/api/v1/cases/" + closed.get("number").asString();
            long id = admin().post(c + "/remedies", Map.of("type", "credit", "amount", amount, "description", "x")).json().get("id").asLong();
            heard(admin(), c);
            admin().post("/api/v1/remedies/" + id + "/offer", Map.of("deliverBy", today().toString()));
            jdbc.sql("update remedies set state = 'ACCEPTED' where id = ?").param(id).update();
            admin().post(c + "/close", Map.of("outcome", "not_recovered", "note", "x"));
        }
        JsonNode open = openIn(category, "C-" + unique(), 4);

        JsonNode precedent = admin().get("/api/v1/cases/" + open.get("number").asString() + "/remedies/suggestion").json()
            .get("precedent");

        assertThat(precedent.get("cases").asInt()).isEqualTo(4);
        assertThat(precedent.get("median").asString()).isEqualTo("20.00");
        assertThat(precedent.get("lowerQuartile").asString()).isEqualTo("10.00");
        assertThat(precedent.get("upperQuartile").asString()).isEqualTo("30.00");
        assertThat(precedent.get("recoveredShare").asDouble()).isZero();
    }

    @Test
    void theLedgerTotalsGrantedAndFulfilledRemediesForLeadsNotAgents() {
        long team = newTeam("Ledger");
        Person agent = member("agent", team);
        String c = "/api/v1/cases/" + open(admin(), "C-" + unique()).get("number").asString();
        long id = agent.http().post(c + "/remedies", Map.of("type", "goodwill", "amount", "12.50", "description", "Flowers"))
            .json().get("id").asLong();
        agent.http().post(c + "/remedies", Map.of("type", "goodwill", "amount", "7.50", "description", "Card"));
        heard(admin(), c);
        agent.http().post("/api/v1/remedies/" + id + "/offer", Map.of("deliverBy", today().toString()));
        jdbc.sql("update remedies set state = 'ACCEPTED' where id = ?").param(id).update();
        agent.http().post("/api/v1/remedies/" + id + "/fulfil", Map.of("reference", "FLOWERS-1"));

        Http lead = member("lead", team).http();
        JsonNode byAgent = line(lead.get("/api/v1/insights/ledger?by=agent").json(), name(agent));
        assertThat(byAgent.get("granted").asLong()).isEqualTo(2);
        assertThat(byAgent.get("grantedAmount").asString()).isEqualTo("20.00");
        assertThat(byAgent.get("fulfilled").asLong()).isEqualTo(1);
        assertThat(byAgent.get("fulfilledAmount").asString()).isEqualTo("12.50");
        String teamName = admin().get("/api/v1/teams").json().valueStream().filter(t -> t.get("id").asLong() == team)
            .findFirst().orElseThrow().get("name").asString();
        assertThat(line(lead.get("/api/v1/insights/ledger?by=team").json(), teamName).get("grantedAmount").asString())
            .isEqualTo("20.00");
        assertThat(line(lead.get("/api/v1/insights/ledger?by=month").json(), java.time.YearMonth.now(java.time.ZoneOffset.UTC).toString())
            .get("granted").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(lead.get("/api/v1/insights/ledger?by=planet").status()).isEqualTo(400);
        assertThat(agent.http().get("/api/v1/insights/ledger").status()).isEqualTo(403);
        assertThat(agent.http().get("/api/v1/remedies/authority").json().valueStream()
            .filter(l -> l.get("type").asString().equals("goodwill")).findFirst().orElseThrow()
            .get("usedThisMonth").asString()).isEqualTo("20.00");
    }

    @Test
    void theLedgerCreditsTheAgentWhoAskedAndTheApproverSeparately() {
        long team = newTeam("Credit");
        Person agent = member("agent", team);
        Person lead = member("lead", team);
        String c = "/api/v1/cases/" + open(admin(), "C-" + unique()).get("number").asString();
        long id = agent.http().post(c + "/remedies", Map.of("type", "goodwill", "amount", "80.00", "description", "Hamper"))
            .json().get("id").asLong();

        JsonNode approved = lead.http().post("/api/v1/remedies/" + id + "/approve", Map.of()).json();

        assertThat(approved.get("proposedBy").asString()).isEqualTo(name(agent));
        assertThat(approved.get("approvedBy").asString()).isEqualTo(name(lead));
        JsonNode ledger = lead.http().get("/api/v1/insights/ledger?by=agent").json();
        JsonNode asker = line(ledger, name(agent));
        JsonNode approver = line(ledger, name(lead));
        assertThat(asker.get("granted").asLong()).isEqualTo(1);
        assertThat(asker.get("grantedAmount").asString()).isEqualTo("80.00");
        assertThat(asker.get("approved").asLong()).isZero();
        assertThat(approver.get("granted").asLong()).isZero();
        assertThat(approver.get("approved").asLong()).isEqualTo(1);
        assertThat(approver.get("approvedAmount").asString()).isEqualTo("80.00");
        String teamName = admin().get("/api/v1/teams").json().valueStream().filter(t -> t.get("id").asLong() == team)
            .findFirst().orElseThrow().get("name").asString();
        assertThat(line(lead.http().get("/api/v1/insights/ledger?by=team").json(), teamName).get("grantedAmount").asString())
            .isEqualTo("80.00");
    }

    @Test
    void aRemedyGrantedWithinTheAskersOwnAuthorityHasNoApprover() {
        Person agent = member("agent", null);
        String c = "/api/v1/cases/" + open(admin(), "C-" + unique()).get("number").asString();

        JsonNode granted = agent.http().post(c + "/remedies", Map.of("type", "goodwill", "amount", "10.00",
            "description", "Flowers")).json();

        assertThat(granted.get("grantedBy").asString()).isEqualTo(name(agent));
        assertThat(granted.get("approvedBy").isNull()).isTrue();
    }

    private JsonNode openIn(String category, String customerRef, int severity) {
        Map<String, Object> body = new HashMap<>(complaint(customerRef, category));
        body.put("severity", severity);
        Http.Response opened = admin().post("/api/v1/complaints", body);
        assertThat(opened.status()).as(opened.body()).isIn(200, 201);
        return opened.json();
    }

    private static JsonNode line(JsonNode ledger, String group) {
        return ledger.valueStream().filter(l -> l.get("group").asString().equals(group)).findFirst().orElseThrow();
    }
}
