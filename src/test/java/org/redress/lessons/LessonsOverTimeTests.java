package org.redress.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
 * A lesson's action over weeks, with time moved forward on a node of its own: its owner is
 * alerted once when it is overdue, and once done, Insights counts the cases of its cause
 * before and after it. The same history on PostgreSQL and on the default database (H2).
 */
class LessonsOverTimeTests {

    @Test
    void onPostgres() throws InterruptedException {
        actionOverTime(PostgresDatabase.fresh());
    }

    @Test
    void onH2() throws InterruptedException {
        actionOverTime("jdbc:h2:mem:lessons-" + UUID.randomUUID().toString().substring(0, 8)
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }

    private void actionOverTime(String url) throws InterruptedException {
        MovableClock clock = new MovableClock();
        try (ConfigurableApplicationContext node = Nodes.start(url, false, clock, "--redress.insights.refresh-every=1s")) {
            Http admin = Nodes.admin(node);
            OverdueActions overdue = node.getBean(OverdueActions.class);
            // Eight cases of the cause, and the one whose lesson names an action due in three days.
            for (int i = 0; i < 8; i++) {
                causeFound(admin, "carrier-delay");
            }
            String taught = causeFound(admin, "carrier-delay");
            causeFound(admin, "warehouse-error");
            admin.post(taught + "/learn", Map.of("lesson", "Parcels wait outside in the rain.",
                "action", "Ask the carrier to use lockers", "actionDue", today(clock).plusDays(3).toString()));
            long id = admin.get("/api/v1/lessons").json().get(0).get("id").asLong();

            clock.advance(Duration.ofDays(2));
            assertThat(overdue.alertOwners()).as("not due yet").isZero();
            clock.advance(Duration.ofDays(2));
            assertThat(overdue.alertOwners()).isEqualTo(1);
            assertThat(overdue.alertOwners()).as("alerted once").isZero();

            assertThat(admin.get("/api/v1/lessons/" + id).json().get("overdue").asBoolean()).isTrue();
            assertThat(admin.get("/api/v1/lessons?show=overdue").json().valueStream().map(l -> l.get("id").asLong()))
                .containsExactly(id);
            List<JsonNode> alerts = admin.get("/api/v1/alerts?unread=true&limit=50").json().get("items").valueStream()
                .filter(a -> a.get("kind").asString().equals("lesson.action-overdue")).toList();
            assertThat(alerts).hasSize(1);
            assertThat(alerts.get(0).get("text").asString()).contains("Ask the carrier to use lockers", "is not done");

            // Given a new date, the action is not overdue until that passes too, and its owner is alerted again then.
            Http.Response moved = admin.patch("/api/v1/lessons/" + id, Map.of("dueOn", today(clock).plusDays(1).toString()));
            assertThat(moved.status()).as(moved.body()).isEqualTo(200);
            assertThat(moved.json().get("overdue").asBoolean()).isFalse();
            clock.advance(Duration.ofDays(2));
            assertThat(overdue.alertOwners()).isEqualTo(1);

            admin.post("/api/v1/lessons/" + id + "/done", Map.of("note", "Lockers from Monday"));
            Instant done = clock.instant();
            // Thirty days on: two more cases of the cause, one of another.
            clock.advance(Duration.ofDays(30));
            causeFound(admin, "carrier-delay");
            causeFound(admin, "carrier-delay");
            causeFound(admin, "warehouse-error");
            LocalDate today = today(clock);
            String report = "/api/v1/insights/lessons?from=" + today.minusDays(60) + "&to=" + today;
            JsonNode lessons = refreshed(admin, report, 2);

            assertThat(lessons.get("recorded").asLong()).isEqualTo(1);
            assertThat(lessons.get("withAction").asLong()).isEqualTo(1);
            assertThat(lessons.get("done").asLong()).isEqualTo(1);
            assertThat(lessons.get("openNow").asLong()).isZero();
            JsonNode effect = lessons.get("effects").get(0);
            assertThat(effect.get("action").asString()).isEqualTo("Ask the carrier to use lockers");
            assertThat(effect.get("doneOn").asString()).isEqualTo(LocalDate.ofInstant(done, ZoneOffset.UTC).toString());
            assertThat(effect.get("days").asLong()).isEqualTo(30);
            assertThat(effect.get("casesBefore").asLong()).as("the nine opened four days before it was done").isEqualTo(9);
            assertThat(effect.get("casesAfter").asLong()).isEqualTo(2);
            assertThat(effect.get("verdict").asString()).isEqualTo("FEWER");
        }
    }

    private static LocalDate today(MovableClock clock) {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    // Waits for the facts' refresh to have read the cases opened after the action.
    private static JsonNode refreshed(Http admin, String report, long after) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonNode lessons = admin.get(report).json();
        while ((lessons.get("effects").isEmpty() || lessons.get("effects").get(0).get("casesAfter").asLong() < after)
            && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            lessons = admin.get(report).json();
        }
        return lessons;
    }

    private static String causeFound(Http admin, String cause) {
        String customer = "LOT-" + UUID.randomUUID().toString().substring(0, 8);
        Http.Response opened = admin.post("/api/v1/complaints", Map.of(
            "customer", Map.of("externalRef", customer, "name", "Maria Lopez", "email", customer.toLowerCase() + "@example.com"),
            "channel", "email", "category", "delivery", "severity", 2, "subject", "Parcel arrived wet",
            "message", "The box was soaked."));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String c = "/api/v1/cases/" + opened.json().get("number").asString();
        admin.post(c + "/acknowledge", Map.of("message", "We are on it."));
        admin.post(c + "/listen", Map.of("account", "The parcel was left outside in the rain."));
        Http.Response found = admin.post(c + "/identify-cause", Map.of("rootCause", cause, "responsibility", "partly-ours"));
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        return c;
    }
}
