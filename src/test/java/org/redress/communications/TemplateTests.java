package org.redress.communications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.redress.ApplicationTest;
import org.redress.Http;

import tools.jackson.databind.JsonNode;

/** Templates: a good default set, filled in per case; unknown variables refused; the coach's advice with each reply. */
class TemplateTests extends ApplicationTest {

    @Test
    void theDefaultApologyIsFilledInForTheCase() {
        JsonNode opened = open(admin(), "C-" + unique());
        String number = opened.get("number").asString();

        JsonNode filled = admin().get("/api/v1/cases/" + number + "/templates/apology").json();

        assertThat(filled.get("subject").asString()).isEqualTo("We are sorry (" + number + ")");
        assertThat(filled.get("body").asString()).startsWith("Dear Maria Lopez,").contains("I am sorry.")
            .endsWith("Administrator").doesNotContain("{{");
        assertThat(admin().get("/api/v1/templates").json().size()).isGreaterThanOrEqualTo(9);
    }

    @Test
    void anUnknownVariableIsRefusedAndNothingIsSaved() {
        long before = count("message_templates");

        Http.Response refused = admin().put("/api/v1/templates", Map.of("purpose", "APOLOGY", "channel", "email",
            "language", "fr", "subject", "Désolé", "body", "Bonjour {{customer.nmae}}, {{agent.name}}"));
        Http.Response byAgent = newUser("agent").put("/api/v1/templates", Map.of("purpose", "APOLOGY", "channel", "email",
            "language", "fr", "body", "Bonjour"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("{{customer.nmae}}");
        assertThat(byAgent.status()).isEqualTo(403);
        assertThat(count("message_templates")).isEqualTo(before);

        JsonNode french = admin().put("/api/v1/templates", Map.of("purpose", "APOLOGY", "channel", "email", "language", "fr",
            "subject", "Désolé ({{case.number}})", "body", "Bonjour {{customer.name}}, nous sommes désolés.")).json();
        assertThat(french.get("language").asString()).isEqualTo("fr");
    }

    @Test
    void aReplyCarriesTheCoachsAdviceAndTheToneEndpointExplains() {
        String number = open(admin(), "C-" + unique()).get("number").asString();

        JsonNode queued = admin().post("/api/v1/cases/" + number + "/replies", Map.of("purpose", "APOLOGY", "subject", "Your order",
            "text", "Per our policy, you should have checked the box.")).json();
        JsonNode checked = admin().post("/api/v1/tone/check", Map.of("text", "We have fixed it!!", "purpose", "STATUS_UPDATE")).json();

        assertThat(queued.get("findings").valueStream().map(f -> f.get("rule").asString()))
            .containsExactlyInAnyOrder("POLICY", "BLAME", "MISSING_APOLOGY");
        assertThat(checked.valueStream().map(f -> f.get("rule").asString())).containsExactlyInAnyOrder("SHOUTING", "NO_NEXT_STEP");
        assertThat(admin().post("/api/v1/tone/check", Map.of("text", "x", "purpose", "GREETING")).status()).isEqualTo(400);
    }
}
