package org.redress.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.redress.ApplicationTest;
import org.redress.Http;
import org.redress.promises.PromiseKeeping;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/** Alerts reach the people who must act, once, and only they can read them. */
class AlertTests extends ApplicationTest {

    @Autowired
    PromiseKeeping promises;

    @Test
    void aBrokenPromiseAlertsItsOwnerAndTheirLeadOnce() {
        long team = newTeam("Promisers");
        Person owner = member("agent", team);
        Person lead = member("lead", team);
        Person bystander = member("agent", team);
        JsonNode opened = open(admin(), "C-" + unique());
        long promise = admin().post("/api/v1/cases/" + opened.get("number").asString() + "/promises", Map.of(
                "description", "A technician will call", "ownerId", owner.id(),
                "dueAt", Instant.now().plus(Duration.ofHours(2)).toString()))
            .json().get("id").asLong();
        jdbc.sql("update promises set due_at = current_timestamp - interval '1' minute where id = ?").param(promise).update();

        promises.breakOverdue();
        promises.breakOverdue();

        for (Person told : new Person[] {owner, lead}) {
            assertThat(alerts(told.http(), "promise.broken")).hasSize(1);
            JsonNode alerts = told.http().get("/api/v1/alerts").json();
            assertThat(alerts.get("unread").asLong()).isEqualTo(1);
            JsonNode alert = alerts.get("items").get(0);
            assertThat(alert.get("kind").asString()).isEqualTo("promise.broken");
            assertThat(alert.get("caseNumber").asString()).isEqualTo(opened.get("number").asString());
            assertThat(alert.get("text").asString()).startsWith("Promise broken on " + opened.get("number").asString()
                + ": A technician will call was due");
        }
        assertThat(bystander.http().get("/api/v1/alerts").json().get("items").isEmpty()).isTrue();
    }

    @Test
    void onlyItsOwnerCanMarkAnAlertReadAndReadAlertsLeaveTheUnreadList() {
        long team = newTeam("Readers");
        Person owner = member("agent", team);
        Person other = member("agent", team);
        for (int i = 0; i < 2; i++) {
            long promise = admin().post("/api/v1/cases/" + open(admin(), "C-" + unique()).get("number").asString()
                + "/promises", Map.of("description", "Call back " + i, "ownerId", owner.id(),
                "dueAt", Instant.now().plus(Duration.ofHours(2)).toString())).json().get("id").asLong();
            jdbc.sql("update promises set due_at = current_timestamp - interval '1' minute where id = ?").param(promise).update();
        }
        promises.breakOverdue();
        assertThat(alerts(owner.http(), "promise.broken")).hasSize(2);
        long first = owner.http().get("/api/v1/alerts").json().get("items").get(0).get("id").asLong();

        Http.Response foreign = other.http().post("/api/v1/alerts/" + first + "/read", Map.of());
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.header("Content-Type")).startsWith("application/problem+json");

        assertThat(owner.http().post("/api/v1/alerts/" + first + "/read", Map.of()).status()).isEqualTo(204);
        JsonNode unread = owner.http().get("/api/v1/alerts?unread=true").json();
        assertThat(unread.get("unread").asLong()).isEqualTo(1);
        assertThat(unread.get("items").valueStream().map(a -> a.get("id").asLong())).doesNotContain(first);

        assertThat(owner.http().post("/api/v1/alerts/read", Map.of()).json().get("marked").asInt()).isEqualTo(1);
        assertThat(owner.http().get("/api/v1/alerts").json().get("unread").asLong()).isZero();
    }

    @Test
    void aLimitOutOfRangeIsRefusedClearly() {
        Http.Response refused = newUser("agent").get("/api/v1/alerts?limit=0");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("limit");
    }
}
