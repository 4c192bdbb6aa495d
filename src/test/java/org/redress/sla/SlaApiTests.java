package org.redress.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.redress.ApplicationTest;
import org.redress.Http;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

class SlaApiTests extends ApplicationTest {

    private static final List<String> WRITTEN = List.of("sla_policies", "sla_calendars", "audit_log");

    @Autowired
    SlaManagement sla;

    @Test
    void anAdminDefinesACalendarAndAPolicyThatCountsInIt() {
        Http.Response calendar = admin().post("/api/v1/sla/calendars", Map.of("name", "Madrid " + unique(),
            "timeZone", "Europe/Madrid", "hours", Map.of("MONDAY", List.of("09:00-14:00", "15:00-18:00"),
                "FRIDAY", List.of("09:00-15:00")), "holidays", List.of("2026-12-25")));
        assertThat(calendar.status()).as(calendar.body()).isEqualTo(201);
        assertThat(calendar.json().get("hours").get("MONDAY")).extracting(JsonNode::asString)
            .containsExactly("09:00–14:00", "15:00–18:00");

        Http.Response policy = admin().post("/api/v1/sla/policies", policy("VIP chat", Map.of("channel", "chat",
            "tier", "vip", "calendarId", calendar.json().get("id").asLong())));

        assertThat(policy.status()).as(policy.body()).isEqualTo(201);
        assertThat(policy.json().get("channel").asString()).isEqualTo("chat");
        assertThat(admin().get("/api/v1/sla/policies").json()).extracting(p -> p.get("name").asString()).contains("VIP chat");
    }

    @Test
    void theMostSpecificMatchingPolicyApplies() {
        // Tiers are the configured ones; no other test's policy names the premium tier with these channels.
        String tier = "premium";
        admin().post("/api/v1/sla/policies", policy("Premium any", Map.of("tier", tier)));
        long premiumPhone = admin().post("/api/v1/sla/policies", policy("Premium phone", Map.of("tier", tier, "channel", "phone")))
            .json().get("id").asLong();

        assertThat(sla.policyFor(3, "phone", tier).id()).isEqualTo(premiumPhone);
        assertThat(sla.policyFor(3, "email", tier).name()).isEqualTo("Premium any");
        assertThat(sla.policyFor(1, "email", "standard").name()).isEqualTo("Critical");
        assertThat(sla.policyFor(4, "email", "standard").name()).isEqualTo("Default");
    }

    static List<Arguments> badDefinitions() {
        return List.of(
            Arguments.of("zero target", "/api/v1/sla/policies", policy("Zero", Map.of("acknowledgeMinutes", 0)), "acknowledgeMinutes"),
            Arguments.of("negative target", "/api/v1/sla/policies", policy("Negative", Map.of("fulfilMinutes", -5)), "fulfilMinutes"),
            Arguments.of("unknown channel", "/api/v1/sla/policies", policy("Fax", Map.of("channel", "fax")), "channel"),
            Arguments.of("unknown tier", "/api/v1/sla/policies", policy("Gold", Map.of("tier", "gold")), "'gold' is not a tier"),
            Arguments.of("unknown calendar", "/api/v1/sla/policies", policy("Nowhere", Map.of("calendarId", 999_999)), "calendarId"),
            Arguments.of("unknown time zone", "/api/v1/sla/calendars", Map.of("name", "Mars", "timeZone", "Mars/Olympus",
                "hours", Map.of("MONDAY", List.of("09:00-17:00"))), "timeZone"),
            Arguments.of("overlapping hours", "/api/v1/sla/calendars", Map.of("name", "Overlap", "timeZone", "Europe/Madrid",
                "hours", Map.of("MONDAY", List.of("09:00-12:00", "11:00-13:00"))), "overlapping hours on Monday"),
            Arguments.of("hours ending before they start", "/api/v1/sla/calendars", Map.of("name", "Backwards",
                "timeZone", "Europe/Madrid", "hours", Map.of("MONDAY", List.of("17:00-09:00"))), "end before they start"),
            Arguments.of("no hours", "/api/v1/sla/calendars", Map.of("name", "Closed", "timeZone", "Europe/Madrid",
                "hours", Map.of()), "hours"),
            Arguments.of("bad holiday", "/api/v1/sla/calendars", Map.of("name", "Holiday", "timeZone", "Europe/Madrid",
                "hours", Map.of("MONDAY", List.of("09:00-17:00")), "holidays", List.of("next christmas")), "holidays"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badDefinitions")
    void badDefinitionsAreRefusedAndNothingIsSaved(String name, String path, Map<String, Object> body, String mentioned) {
        Map<String, Long> before = counts(WRITTEN);

        Http.Response response = admin().post(path, body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains(mentioned);
        assertThat(counts(WRITTEN)).isEqualTo(before);
    }

    @Test
    void onlyAdminsChangePolicies() {
        Http lead = newUser("lead");

        assertThat(lead.post("/api/v1/sla/policies", policy("Sneaky", Map.of())).status()).isEqualTo(403);
        assertThat(lead.get("/api/v1/sla/policies").status()).isEqualTo(200);
    }

    @Test
    void theLastCatchAllPolicyCannotBeDeleted() {
        long defaultPolicy = admin().get("/api/v1/sla/policies").json().valueStream()
            .filter(p -> p.get("name").asString().equals("Default")).findFirst().orElseThrow().get("id").asLong();

        Http.Response refused = admin().delete("/api/v1/sla/policies/" + defaultPolicy);

        assertThat(refused.status()).isEqualTo(409);
    }

    private static Map<String, Object> policy(String name, Map<String, Object> overrides) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "acknowledgeMinutes", 60, "resolveMinutes", 480,
            "fulfilMinutes", 2880, "followUpMinutes", 1440));
        body.putAll(overrides);
        return body;
    }
}
