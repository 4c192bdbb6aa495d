package org.redress.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.redress.ApplicationTest;
import org.redress.Http;

import tools.jackson.databind.JsonNode;

/** The audit log is read by who acted, what they did and when; a bad filter is refused by name. */
class AuditLogTests extends ApplicationTest {

    @Test
    void entriesAreFilteredByActorActionAndDay() {
        Person lead = member("lead", null);
        String number = open(lead.http(), "C-" + unique()).get("number").asString();
        open(admin(), "C-" + unique());

        List<JsonNode> byLead = admin().get("/api/v1/audit?actor=" + lead.id() + "&action=case.opened&from=" + today()
            + "&to=" + today()).json().get("items").valueStream().toList();
        List<JsonNode> yesterday = admin().get("/api/v1/audit?actor=" + lead.id() + "&to=" + today().minusDays(1))
            .json().get("items").valueStream().toList();

        assertThat(byLead).singleElement().satisfies(entry -> {
            assertThat(entry.get("subject").asString()).isEqualTo("case:" + number);
            assertThat(entry.get("actorId").asLong()).isEqualTo(lead.id());
        });
        assertThat(yesterday).isEmpty();
        assertThat(admin().get("/api/v1/audit/actions").json().valueStream().map(JsonNode::asString)).contains("case.opened");
        assertThat(admin().get("/api/v1/audit/actors").json().valueStream().map(a -> a.get("id").asLong())).contains(lead.id());
    }

    @Test
    void badFiltersAreRefusedByName() {
        Http.Response badDate = admin().get("/api/v1/audit?from=last-tuesday");
        Http.Response backwards = admin().get("/api/v1/audit?from=" + today() + "&to=" + today().minusDays(3));
        Http.Response badActor = admin().get("/api/v1/audit?actor=ana");

        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.header("Content-Type")).startsWith("application/problem+json");
        assertThat(badDate.json().get("errors").get(0).get("field").asString()).isEqualTo("from");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().get("detail").asString()).contains("to must be on or after the from date");
        assertThat(badActor.status()).isEqualTo(400);
        assertThat(newUser("lead").get("/api/v1/audit/actions").status()).isEqualTo(403);
    }
}
