package org.redress.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.redress.Http;
import org.redress.MovableClock;
import org.redress.Nodes;
import org.redress.PostgresDatabase;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;

/**
 * Reviews over time, on a node of their own with the clock moved: the agent's window to answer
 * closes; a new scorecard version changes the reviews made after it and none made before. On
 * PostgreSQL and on the default database (H2).
 */
class QualityOverTimeTests {

    @Test
    void onPostgres() {
        overTime(PostgresDatabase.fresh());
    }

    @Test
    void onH2() {
        overTime("jdbc:h2:mem:quality-" + UUID.randomUUID().toString().substring(0, 8)
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }

    private void overTime(String url) {
        MovableClock clock = new MovableClock();
        try (ConfigurableApplicationContext node = Nodes.start(url, false, clock, "--redress.training.answer-days=7")) {
            Http admin = Nodes.admin(node);
            int port = Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
            long agentId = person(admin, "agent");
            Http agent = Http.basic(port, email(admin, agentId), "password-long-1");
            Http manager = Http.basic(port, email(admin, person(admin, "manager")), "password-long-1");
            String number = admin.post("/api/v1/complaints", Map.of("customer", Map.of("externalRef", "QT-1", "name", "Ada"),
                "channel", "email", "category", "delivery", "severity", 2, "subject", "Late", "message", "Two weeks late.")).json()
                .get("number").asString();
            admin.post("/api/v1/cases/" + number + "/assign", Map.of("assigneeId", agentId));
            agent.post("/api/v1/cases/" + number + "/acknowledge", Map.of("message", "We are on it."));
            JsonNode first = manager.post("/api/v1/quality/reviews", Map.of("caseNumber", number)).json();

            clock.advance(Duration.ofDays(8));
            Http.Response late = agent.post("/api/v1/quality/reviews/" + first.get("id").asLong() + "/acknowledge", Map.of());
            assertThat(late.status()).as(late.body()).isEqualTo(409);
            assertThat(late.json().get("detail").asString()).contains("The time to answer this review ended on");

            Http.Response invalid = manager.post("/api/v1/quality/scorecards", Map.of("items", List.of(
                Map.of("code", "TONE", "label", "Tone", "guidance", "Warm and plain.", "weight", 11),
                Map.of("code", "TONE", "label", "Tone again", "guidance", "Twice.", "weight", 1))));
            assertThat(invalid.status()).isEqualTo(400);
            assertThat(invalid.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
                .containsExactly("items[0].weight", "items[1].code");
            assertThat(agent.post("/api/v1/quality/scorecards", Map.of("items", List.of(
                Map.of("code", "TONE", "label", "Tone", "guidance", "Warm.", "weight", 1)))).status()).isEqualTo(403);
            assertThat(admin.get("/api/v1/quality/scorecard").json().get("version").asInt()).as("nothing published").isEqualTo(1);

            Http.Response published = manager.post("/api/v1/quality/scorecards", Map.of("items", List.of(
                Map.of("code", "ACKNOWLEDGED_IN_TIME", "label", "Answered in time", "guidance", "Within the target.", "weight", 3),
                Map.of("code", "TONE", "label", "Warm and plain", "guidance", "No jargon, no blame.", "weight", 1))));
            assertThat(published.status()).as(published.body()).isEqualTo(201);
            assertThat(published.json().get("version").asInt()).isEqualTo(2);

            Http.Response unrated = manager.post("/api/v1/quality/reviews", Map.of("caseNumber", number));
            assertThat(unrated.status()).as("Redress has no suggestion for a new item: it must be rated").isEqualTo(400);
            assertThat(unrated.json().get("errors").get(0).get("field").asString()).isEqualTo("ratings.TONE");
            JsonNode second = manager.post("/api/v1/quality/reviews", Map.of("caseNumber", number,
                "ratings", Map.of("TONE", Map.of("rating", "partly")))).json();
            assertThat(second.get("scorecardVersion").asInt()).isEqualTo(2);
            // Answered in time (3 of 3) and a partly warm tone (0.5 of 1).
            assertThat(second.get("score").asDouble()).isEqualTo(87.5);
            JsonNode before = manager.get("/api/v1/quality/reviews/" + first.get("id").asLong()).json();
            assertThat(before.get("scorecardVersion").asInt()).isEqualTo(1);
            assertThat(before.get("ratings").size()).as("scored on version 1's eight items").isEqualTo(8);
            assertThat(before.get("score").asDouble()).isEqualTo(first.get("score").asDouble());
        }
    }

    private static long person(Http admin, String role) {
        Http.Response created = admin.post("/api/v1/users", Map.of("email", role + "-" + UUID.randomUUID() + "@nodes.test",
            "name", "Quality " + role, "password", "password-long-1", "role", role));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private static String email(Http admin, long id) {
        return admin.get("/api/v1/users/" + id).json().get("email").asString();
    }
}
