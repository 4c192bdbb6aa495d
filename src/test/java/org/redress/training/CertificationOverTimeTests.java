package org.redress.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
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
 * Certification over time, on a node of its own with the clock moved: a quiz passed and a good
 * review raise what an agent may refund without approval (the remedies API decides differently
 * at once); the agent is told before it ends; past its end the authority is back to the matrix.
 * Missed quiz items come back for practice the next day. On PostgreSQL and on H2.
 */
class CertificationOverTimeTests {

    // Seeded: an agent may refund up to 50.00 per case without approval.
    private static final String REFUND = "80.00";

    @Test
    void onPostgres() {
        overTime(PostgresDatabase.fresh());
    }

    @Test
    void onH2() {
        overTime("jdbc:h2:mem:certification-" + UUID.randomUUID().toString().substring(0, 8)
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }

    private void overTime(String url) {
        MovableClock clock = new MovableClock();
        try (ConfigurableApplicationContext node = Nodes.start(url, false, clock, "--redress.training.expiry-notice-days=14")) {
            Http admin = Nodes.admin(node);
            int port = Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
            long agentId = person(admin, "agent");
            Http agent = Http.basic(port, email(admin, agentId), "password-long-1");
            Http manager = Http.basic(port, email(admin, person(admin, "manager")), "password-long-1");

            JsonNode quiz = manager.post("/api/v1/training/quizzes", Map.of("code", "first answer", "title", "The first answer",
                "description", "Acknowledge and apologise.", "passPercent", 100, "items", List.of(
                    Map.of("kind", "choice", "topic", "next_step", "prompt", "What comes first?", "choices",
                        List.of("Ask for photos", "Acknowledge and apologise"), "correct", 1, "why", "Listen first."),
                    Map.of("kind", "written", "topic", "written_reply", "prompt", "Answer: my parcel never came.",
                        "needs", List.of("APOLOGY", "DATE"), "why", "Sorry, and a date.")))).json();
            assertThat(quiz.get("code").asString()).isEqualTo("FIRST_ANSWER");
            Http.Response badRule = manager.put("/api/v1/training/certifications/refunds", Map.of("name", "Refunds", "quiz", "NONE",
                "minReviews", 1, "minReviewScore", 50, "validDays", 30, "remedyType", "cake", "perCase", "120.00", "perMonth", "100.00"));
            assertThat(badRule.status()).as(badRule.body()).isEqualTo(400);
            assertThat(badRule.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
                .containsExactly("quiz", "remedyType");
            assertThat(agent.put("/api/v1/training/certifications/refunds", Map.of()).status()).isEqualTo(403);
            Http.Response rule = manager.put("/api/v1/training/certifications/refunds", Map.of("name", "Refunds, level 2",
                "quiz", "first_answer", "minReviews", 1, "minReviewScore", 50, "validDays", 30, "remedyType", "refund",
                "perCase", "120.00", "perMonth", "1200.00"));
            assertThat(rule.status()).as(rule.body()).isEqualTo(200);

            assertThat(refund(admin, agent, agentId)).as("before: above the agent's 50.00").isEqualTo("PENDING_APPROVAL");

            List<Long> items = quiz.get("items").valueStream().map(item -> item.get("id").asLong()).toList();
            JsonNode missed = agent.post("/api/v1/training/quizzes/" + quiz.get("id").asLong() + "/attempts", Map.of("answers", Map.of(
                String.valueOf(items.get(0)), "1",
                String.valueOf(items.get(1)), "You should have given the right address. We will look into it."))).json();
            assertThat(missed.get("passed").asBoolean()).isFalse();
            JsonNode blamed = missed.get("verdicts").get(1);
            assertThat(blamed.get("correct").asBoolean()).isFalse();
            assertThat(blamed.get("reasons").valueStream().map(JsonNode::asString).toList())
                .anySatisfy(reason -> assertThat(reason).startsWith("Do not put it on the customer (\"you should have\")"))
                .contains("It needs a plain apology.", "It should say what happens next and by when (a day or a date).");
            assertThat(agent.get("/api/v1/training/practice").json().size()).as("due tomorrow, not now").isZero();

            clock.advance(Duration.ofDays(1).plusMinutes(1));
            JsonNode due = agent.get("/api/v1/training/practice").json();
            assertThat(due.valueStream().map(p -> p.get("question").get("id").asLong()).toList()).containsExactly(items.get(1));
            Instant answeredFrom = clock.instant();
            JsonNode practised = agent.post("/api/v1/training/practice/" + items.get(1), Map.of("answer",
                "I am sorry your parcel never came. A new one leaves today and reaches you by Friday.")).json();
            assertThat(practised.get("verdict").get("correct").asBoolean()).isTrue();
            assertThat(Instant.parse(practised.get("nextDue").asString())).as("right once: again in a day (SM-2)")
                .isBetween(answeredFrom.plus(Duration.ofDays(1)), clock.instant().plus(Duration.ofDays(1)));

            JsonNode passed = agent.post("/api/v1/training/quizzes/" + quiz.get("id").asLong() + "/attempts", Map.of("answers", Map.of(
                String.valueOf(items.get(0)), "1",
                String.valueOf(items.get(1)), "I am so sorry it never came. A new one leaves today and reaches you by Friday."))).json();
            assertThat(passed.get("passed").asBoolean()).as(passed.toString()).isTrue();
            assertThat(agent.get("/api/v1/training/me").json().get("certificates").size()).as("a good review is still missing").isZero();

            String reviewed = caseFor(admin, agentId);
            Map<String, Object> allMet = new HashMap<>();
            admin.get("/api/v1/quality/scorecard").json().get("items").valueStream()
                .forEach(item -> allMet.put(item.get("code").asString(), Map.of("rating", "met")));
            Http.Response review = manager.post("/api/v1/quality/reviews", Map.of("caseNumber", reviewed, "ratings", allMet));
            assertThat(review.status()).as(review.body()).isEqualTo(201);

            JsonNode certificate = agent.get("/api/v1/training/me").json().get("certificates").get(0);
            assertThat(certificate.get("standing").asString()).isEqualTo("IN_FORCE");
            assertThat(certificate.get("authority").asString()).isEqualTo(
                "You may grant refund up to 120.00 per case and 1200.00 per month without approval");
            JsonNode raise = admin.get("/api/v1/remedies/authority-raises").json().get(0);
            assertThat(raise.get("userId").asLong()).isEqualTo(agentId);
            assertThat(raise.get("source").asString()).isEqualTo("certification:REFUNDS");
            assertThat(raise.get("perCase").asString()).isEqualTo("120.00");
            assertThat(refund(admin, agent, agentId)).as("certified: within the raised limit").isEqualTo("APPROVED");
            assertThat(alerts(agent)).contains("training.certified");
            JsonNode line = manager.get("/api/v1/training/team").json().valueStream()
                .filter(l -> l.get("userId").asLong() == agentId).findFirst().orElseThrow();
            assertThat(line.get("certified").valueStream().map(JsonNode::asString).toList()).containsExactly("Refunds, level 2");
            assertThat(line.get("quizzesPassed").asInt()).isEqualTo(1);
            assertThat(line.get("reviews").asInt()).isEqualTo(1);
            assertThat(line.get("meanScore").asInt()).isEqualTo(100);

            Certifications certifications = node.getBean(Certifications.class);
            clock.advance(Duration.ofDays(17));
            certifications.sweep();
            assertThat(alerts(agent)).contains("training.certification-ending");
            assertThat(agent.get("/api/v1/training/me").json().get("certificates").get(0).get("standing").asString())
                .isEqualTo("ENDING_SOON");
            assertThat(refund(admin, agent, agentId)).as("still in force").isEqualTo("APPROVED");

            clock.advance(Duration.ofDays(14));
            assertThat(refund(admin, agent, agentId)).as("ended: back to the matrix, before any sweep").isEqualTo("PENDING_APPROVAL");
            assertThat(admin.get("/api/v1/remedies/authority-raises").json().size()).isZero();
            certifications.sweep();
            assertThat(alerts(agent)).contains("training.certification-lapsed");
            assertThat(agent.get("/api/v1/training/me").json().get("certificates").get(0).get("standing").asString()).isEqualTo("ENDED");
            assertThat(admin.get("/api/v1/audit?subject=user:" + agentId).json().get("items").valueStream().map(e -> e.get("action").asString()).toList())
                .contains("authority.raised", "training.certified", "training.certification-ending", "training.certification-lapsed");
        }
    }

    private static String refund(Http admin, Http agent, long agentId) {
        Http.Response proposed = agent.post("/api/v1/cases/" + caseFor(admin, agentId) + "/remedies",
            Map.of("type", "refund", "amount", REFUND, "description", "Lost parcel"));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        return proposed.json().get("state").asString();
    }

    private static String caseFor(Http admin, long agentId) {
        String number = admin.post("/api/v1/complaints", Map.of("customer", Map.of("externalRef", "CT-" + UUID.randomUUID(),
            "name", "Ada"), "channel", "email", "category", "delivery", "severity", 2, "subject", "Lost", "message", "It never came."))
            .json().get("number").asString();
        admin.post("/api/v1/cases/" + number + "/assign", Map.of("assigneeId", agentId));
        return number;
    }

    private static List<String> alerts(Http person) {
        return person.get("/api/v1/alerts").json().get("items").valueStream().map(alert -> alert.get("kind").asString()).toList();
    }

    private static long person(Http admin, String role) {
        Http.Response created = admin.post("/api/v1/users", Map.of("email", role + "-" + UUID.randomUUID() + "@nodes.test",
            "name", "Certified " + role, "password", "password-long-1", "role", role));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private static String email(Http admin, long id) {
        return admin.get("/api/v1/users/" + id).json().get("email").asString();
    }
}
