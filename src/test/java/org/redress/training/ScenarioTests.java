package org.redress.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.redress.ApplicationTest;
import org.redress.Http;

import tools.jackson.databind.JsonNode;

/** The scenario library through the API: made from a resolved case without its personal data, read and published by a lead, played. */
class ScenarioTests extends ApplicationTest {

    @Test
    void aScenarioMadeFromAResolvedCaseCarriesNoneOfItsPersonalData() {
        String ref = "CUST-" + unique();
        String email = "harriet.quince." + unique() + "@example.org";
        Person agent = member("agent", null);
        String agentName = name(agent);
        Http.Response opened = admin().post("/api/v1/complaints", Map.of(
            "customer", Map.of("externalRef", ref, "name", "Harriet Quince", "email", email, "phone", "+44 7700 900123"),
            "channel", "email", "category", "delivery", "severity", 2, "subject", "Order ORD-55123 smashed, Harriet Quince",
            "message", "Hello, I am Harriet Quince (" + email + ", +44 7700 900123). Order ORD-55123 arrived smashed; the tracking "
                + "page https://track.example.com/ZX9912 says delivered. Call me on 07700 900123 or write to " + email + "."));
        String number = opened.json().get("number").asString();
        admin().post("/api/v1/cases/" + number + "/assign", Map.of("assigneeId", agent.id()));
        Http.Response again = integration().post("/api/v1/inbound/email", Map.of("from", email, "subject", "About " + number,
            "text", "Harriet again: still nothing for order 55123 (my reference " + ref + "). " + agentName + " said it would come.",
            "messageId", "<" + unique() + "@mail.example.org>"));
        assertThat(again.json().get("outcome").asString()).as(again.body()).isEqualTo("JOINED");
        Person lead = member("lead", null);

        Http.Response stillOpen = lead.http().post("/api/v1/training/scenarios/from-case", Map.of("caseNumber", number));
        assertThat(stillOpen.status()).isEqualTo(409);
        assertThat(stillOpen.json().get("detail").asString()).contains("still open");
        closeAsRecovered(number);
        assertThat(agent.http().post("/api/v1/training/scenarios/from-case", Map.of("caseNumber", number)).status()).isEqualTo(403);

        Http.Response made = lead.http().post("/api/v1/training/scenarios/from-case", Map.of("caseNumber", number));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        String scenario = made.body();
        assertThat(Anonymiser.leaks(scenario, List.of("Harriet", "Quince", email, "harriet.quince", "+44 7700 900123", "7700 900123",
            "900123", ref, "ORD-55123", "55123", "track.example.com", "ZX9912", number, agentName)))
            .as(scenario).isEmpty();
        JsonNode first = made.json().get("script").get("nodes").get(0);
        assertThat(first.get("customer").asString()).as("it still reads")
            .isEqualTo("Hello, I am [name] ([email], [phone]). Order [reference] arrived smashed; the tracking page [link] says "
                + "delivered. Call me on [phone] or write to [email].");
        assertThat(made.json().get("script").get("nodes").get(2).get("customer").asString())
            .isEqualTo("[name] again: still nothing for order [reference] (my reference [reference]). [name] said it would come.");
        assertThat(made.json().get("state").asString()).isEqualTo("DRAFT");
        long id = made.json().get("id").asLong();
        assertThat(agent.http().get("/api/v1/training/scenarios/" + id).status()).as("drafts are for leads").isEqualTo(404);
        assertThat(admin().get("/api/v1/audit?subject=scenario:" + id).json().get("items").valueStream().map(e -> e.get("action").asString()).toList())
            .contains("training.scenario");
    }

    @Test
    void aManagerWritesALeadPublishesAndAnAgentPlaysItThrough() {
        Person manager = member("manager", null);
        Person lead = member("lead", null);
        Person agent = member("agent", null);
        Map<String, Object> broken = Map.of("title", "Late twice", "summary", "A second late delivery.", "script", Map.of("start", "a",
            "nodes", List.of(
                Map.of("key", "a", "customer", "Late again!", "moves", List.of(
                    Map.of("say", "Sorry, that is on us; it arrives tomorrow.", "better", true, "why", "All four.", "next", "a"),
                    Map.of("say", "Couriers are like that.", "better", false, "next", "z"))),
                Map.of("key", "a", "customer", ""))));
        Http.Response refused = manager.http().post("/api/v1/training/scenarios", broken);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
            .containsExactlyInAnyOrder("nodes[1].key", "nodes[1].customer", "nodes[0].moves[0].next",
                "nodes[0].moves[1].why", "nodes[0].moves[1].next");
        assertThat(lead.http().post("/api/v1/training/scenarios", Map.of()).status()).as("leads make them from cases").isEqualTo(403);

        JsonNode written = manager.http().post("/api/v1/training/scenarios", Map.of("title", "Late twice", "summary", "A second late "
            + "delivery.", "script", Map.of("start", "a", "nodes", List.of(
                Map.of("key", "a", "customer", "Late again!", "moves", List.of(
                    Map.of("say", "Sorry, that is on us; it arrives tomorrow.", "better", true, "why", "All four.", "next", "won"),
                    Map.of("say", "Couriers are like that.", "better", false, "why", "An excuse.", "next", "lost")),
                    "written", Map.of("needs", List.of("APOLOGY", "DATE"), "next", "won")),
                Map.of("key", "won", "customer", "Thanks."),
                Map.of("key", "lost", "customer", "Bye."))))).json();
        long id = written.get("id").asLong();
        assertThat(agent.http().post("/api/v1/training/scenarios/" + id + "/publish", Map.of()).status()).isEqualTo(403);
        assertThat(lead.http().post("/api/v1/training/scenarios/" + id + "/publish", Map.of()).json().get("state").asString())
            .isEqualTo("PUBLISHED");
        assertThat(manager.http().put("/api/v1/training/scenarios/" + id, Map.of("title", "x", "summary", "y",
            "script", written.get("script"))).status()).as("published ones stay as they are").isEqualTo(409);

        Http.Response badMove = agent.http().post("/api/v1/training/scenarios/" + id + "/plays", Map.of("moves", List.of(Map.of("choice", 5))));
        assertThat(badMove.status()).isEqualTo(400);
        assertThat(badMove.json().get("errors").get(0).get("field").asString()).isEqualTo("moves[0].choice");
        JsonNode wrote = agent.http().post("/api/v1/training/scenarios/" + id + "/plays", Map.of("moves",
            List.of(Map.of("text", "If you had been home, you would have it. Next time.")))).json();
        JsonNode step = wrote.get("steps").get(0);
        assertThat(step.get("better").asBoolean()).isFalse();
        assertThat(step.get("faults").valueStream().map(JsonNode::asString).toList())
            .anySatisfy(fault -> assertThat(fault).startsWith("Do not put it on the customer (\"if you had\")"))
            .contains("It needs a plain apology.");
        assertThat(step.get("model").asString()).isEqualTo("Sorry, that is on us; it arrives tomorrow.");
        assertThat(wrote.get("finished").asBoolean()).isTrue();
        JsonNode chose = agent.http().post("/api/v1/training/scenarios/" + id + "/plays", Map.of("moves", List.of(Map.of("choice", 0))))
            .json();
        assertThat(chose.get("at").get("customer").asString()).isEqualTo("Thanks.");
        assertThat(chose.get("betterMoves").asInt()).isEqualTo(1);

        JsonNode line = lead.http().get("/api/v1/training/team").json().valueStream()
            .filter(l -> l.get("userId").asLong() == agent.id()).findFirst().orElseThrow();
        assertThat(line.get("scenariosPlayed").asInt()).isEqualTo(2);
        assertThat(line.get("betterMoves").asInt()).as("one better move of two").isEqualTo(50);
    }

    @Test
    void aQuizWithFaultsIsRefusedFieldByFieldAndNothingIsStored() {
        Person manager = member("manager", null);
        long before = count("training_quizzes");
        Http.Response refused = manager.http().post("/api/v1/training/quizzes", Map.of("code", "BAD " + unique(), "title", "Bad",
            "description", "Faults.", "passPercent", 101, "items", List.of(
                Map.of("kind", "choice", "topic", "remedy", "prompt", "Which?", "choices", List.of("A", "B"), "correct", 2, "why", "B."),
                Map.of("kind", "written", "topic", "tone", "prompt", "Write.", "needs", List.of("CHARM"), "why", "Kind."))));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
            .containsExactly("passPercent", "items[0].correct", "items[1].topic");
        assertThat(count("training_quizzes")).isEqualTo(before);
        assertThat(member("agent", null).http().post("/api/v1/training/quizzes", Map.of()).status()).isEqualTo(403);
    }
}
