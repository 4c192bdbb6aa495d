package org.redress.remedies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.redress.ApplicationTest;
import org.redress.Http;

import tools.jackson.databind.JsonNode;

/** Admins keep the catalog and the authority matrix; bad definitions change nothing. */
class RemedyAdminTests extends ApplicationTest {

    @Test
    void anAdminAddsARemedyTypeAndGivesOneAgentTheirOwnLimitForIt() {
        String code = "voucher-" + unique();
        JsonNode type = admin().put("/api/v1/remedies/types/" + code, Map.of("label", "Shop voucher", "kind", "account_credit")).json();
        assertThat(type.get("kind").asString()).isEqualTo("ACCOUNT_CREDIT");
        Person agent = member("agent", null);
        String c = "/api/v1/cases/" + open(admin(), "C-" + unique()).get("number").asString();

        // No limit for the new type yet: nobody may grant it alone.
        assertThat(agent.http().post(c + "/remedies", Map.of("type", code, "amount", "5.00", "description", "x")).json()
            .get("state").asString()).isEqualTo("PENDING_APPROVAL");

        JsonNode limit = admin().put("/api/v1/remedies/authority-limits", Map.of("userId", agent.id(), "type", code,
            "perCase", "25.00", "perMonth", "100.00")).json();
        assertThat(limit.get("perCase").asString()).isEqualTo("25.00");
        assertThat(agent.http().post(c + "/remedies", Map.of("type", code, "amount", "20.00", "description", "x")).json()
            .get("state").asString()).isEqualTo("APPROVED");
        assertThat(admin().get("/api/v1/audit?subject=remedy-type:" + code).status()).isEqualTo(200);
    }

    @Test
    void badDefinitionsAreRefusedAndOnlyAdminsChangeAnything() {
        long before = count("authority_limits");

        Http.Response both = admin().put("/api/v1/remedies/authority-limits", Map.of("role", "AGENT", "userId", 1,
            "type", "refund", "perCase", "10.00", "perMonth", "100.00"));
        Http.Response backwards = admin().put("/api/v1/remedies/authority-limits", Map.of("role", "AGENT",
            "type", "refund", "perCase", "100.00", "perMonth", "10.00"));
        Http.Response negative = admin().put("/api/v1/remedies/authority-limits", Map.of("role", "AGENT",
            "type", "refund", "perCase", "-1", "perMonth", "10.00"));
        Http.Response badKind = admin().put("/api/v1/remedies/types/spa-day", Map.of("label", "Spa", "kind", "massage"));
        Http.Response byLead = newUser("lead").put("/api/v1/remedies/types/spa-day", Map.of("label", "Spa", "kind", "goodwill"));

        assertThat(both.status()).isEqualTo(400);
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body()).contains("perMonth");
        assertThat(negative.status()).isEqualTo(400);
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(byLead.status()).isEqualTo(403);
        assertThat(count("authority_limits")).isEqualTo(before);
        assertThat(admin().get("/api/v1/remedies/types").json().valueStream().map(t -> t.get("code").asString()))
            .doesNotContain("spa-day");
    }

    @Test
    void aFairOfferRuleForACategoryShapesItsSuggestionsUntilRemoved() {
        String category = "rule-" + unique();
        admin().put("/api/v1/taxonomy/categories/" + category, Map.of("label", "Rule test"));
        JsonNode rule = admin().post("/api/v1/remedies/fair-offer-rules", Map.of("category", category, "type", "replacement",
            "from", "15.00", "to", "35.00")).json();
        java.util.Map<String, Object> body = new java.util.HashMap<>(complaint("C-" + unique(), category));
        String c = "/api/v1/cases/" + admin().post("/api/v1/complaints", body).json().get("number").asString();

        JsonNode suggestion = admin().get(c + "/remedies/suggestion").json();
        assertThat(suggestion.get("type").asString()).isEqualTo("replacement");
        assertThat(suggestion.get("to").asString()).isEqualTo("35.00");

        assertThat(admin().post("/api/v1/remedies/fair-offer-rules", Map.of("type", "refund", "from", "30.00", "to", "10.00"))
            .status()).isEqualTo(400);
        assertThat(admin().delete("/api/v1/remedies/fair-offer-rules/" + rule.get("id").asLong()).status()).isEqualTo(204);
        assertThat(admin().get(c + "/remedies/suggestion").json().get("type").asString()).isEqualTo("refund");
    }

    @Test
    void aFairOfferRuleIsChangedInPlaceAndOnlyKnownCategoriesAndTiersAreAccepted() {
        long rule = admin().post("/api/v1/remedies/fair-offer-rules", Map.of("tier", "vip", "type", "refund",
            "from", "10.00", "to", "20.00")).json().get("id").asLong();
        long before = count("fair_offer_rules");

        JsonNode changed = admin().put("/api/v1/remedies/fair-offer-rules/" + rule, Map.of("tier", "premium", "severity", 2,
            "type", "refund", "from", "12.00", "to", "25.00")).json();
        Http.Response unknown = admin().post("/api/v1/remedies/fair-offer-rules", Map.of("category", "no-such-" + unique(),
            "tier", "gold", "type", "refund", "from", "1.00", "to", "2.00"));
        Http.Response byLead = newUser("lead").put("/api/v1/remedies/fair-offer-rules/" + rule, Map.of("type", "refund",
            "from", "1.00", "to", "2.00"));

        assertThat(changed.get("tier").asString()).isEqualTo("premium");
        assertThat(changed.get("severity").asInt()).isEqualTo(2);
        assertThat(changed.get("to").asString()).isEqualTo("25.00");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").valueStream().map(e -> e.get("field").asString())).contains("category", "tier");
        assertThat(byLead.status()).isEqualTo(403);
        assertThat(count("fair_offer_rules")).isEqualTo(before);
        assertThat(admin().get("/api/v1/audit?subject=fair-offer-rule:" + rule).body()).contains("fair-offer-rule.changed");
    }

    @Test
    void leadsAndAgentsReadThePolicyTheyWorkWithin() {
        Http lead = newUser("lead");
        Http agent = newUser("agent");

        assertThat(lead.get("/api/v1/remedies/authority-limits").status()).isEqualTo(200);
        assertThat(lead.get("/api/v1/remedies/fair-offer-rules").status()).isEqualTo(200);
        assertThat(agent.get("/api/v1/remedies/types").status()).isEqualTo(200);
    }
}
