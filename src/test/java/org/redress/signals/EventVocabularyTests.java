package org.redress.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.redress.ApplicationTest;
import org.redress.Http;

import tools.jackson.databind.JsonNode;

/** One vocabulary of business event types: the event API, survey triggers and incident rules take the same names. */
class EventVocabularyTests extends ApplicationTest {

    @Test
    void theEventApiAndSurveyTriggersAgreeOnEveryName() {
        for (EventType type : EventType.values()) {
            JsonNode result = integration().post("/api/v1/events", Map.of("events", List.of(Map.of("eventId", "v-" + unique(),
                "type", type.name(), "customerRef", "V-" + unique(), "occurredAt", Instant.now().toString())))).json();
            assertThat(result.get("accepted").asInt()).as(type.name()).isEqualTo(1);
        }

        Http.Response survey = admin().post("/api/v1/surveys", Map.of("name", "Refunds " + unique(), "kind", "CSAT",
            "question", "How was your refund?", "triggerEvents", List.of("REFUND_REQUESTED", "delivery-late"), "active", false));

        assertThat(survey.status()).as(survey.body()).isEqualTo(201);
        assertThat(survey.json().get("triggerEvents").valueStream().map(JsonNode::asString))
            .containsExactly("REFUND_REQUESTED", "DELIVERY_LATE");
    }

    @Test
    void anUnknownNameIsRefusedEverywhereNamingTheValidOnes() {
        Http.Response survey = admin().post("/api/v1/surveys", Map.of("name", "Refunds " + unique(), "kind", "CSAT",
            "question", "How was your refund?", "triggerEvents", List.of("REFUND"), "active", false));
        JsonNode event = integration().post("/api/v1/events", Map.of("events", List.of(Map.of("eventId", "v-" + unique(),
            "type", "REFUND", "customerRef", "V-" + unique(), "occurredAt", Instant.now().toString())))).json();
        long incident = admin().post("/api/v1/incidents", Map.of("title", "Vocabulary", "whatHappened", "Something broke.",
            "plan", "We fix it.", "fixBy", today().plusDays(3).toString(), "category", "delivery")).json().get("id").asLong();
        Http.Response rule = admin().post("/api/v1/incidents/" + incident + "/customers/rule", Map.of("type", "REFUND",
            "from", Instant.now().minusSeconds(3600).toString(), "to", Instant.now().toString()));

        assertThat(survey.status()).isEqualTo(400);
        assertThat(survey.json().get("errors").get(0).get("field").asString()).isEqualTo("triggerEvents");
        assertThat(survey.json().get("errors").get(0).get("message").asString()).isEqualTo(EventType.unknown("REFUND"));
        assertThat(event.get("accepted").asInt()).isZero();
        assertThat(event.get("rejected").get(0).get("errors").get(0).get("message").asString()).isEqualTo(EventType.unknown("REFUND"));
        assertThat(rule.status()).isEqualTo(400);
        assertThat(rule.json().get("errors").get(0).get("message").asString()).isEqualTo(EventType.unknown("REFUND"));
        assertThat(EventType.unknown("REFUND")).contains("REFUND_REQUESTED", "DELIVERY_LATE", "OUTAGE");
    }
}
