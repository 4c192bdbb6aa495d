package org.redress.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.redress.ApplicationTest;
import org.redress.Http;

import tools.jackson.databind.JsonNode;

/**
 * The work queue: soonest due first with the time left on every case, filters that combine,
 * fifty cases a page, only the cases the reader may open, and "take next".
 */
class QueueTests extends ApplicationTest {

    @Test
    void casesComeSoonestDueFirstWithTheBusinessTimeLeft() {
        long team = newTeam("Due");
        JsonNode later = openIn(team, 3);
        JsonNode missed = openIn(team, 3);
        JsonNode soon = openIn(team, 3);
        moveAcknowledge(missed, "- interval '9' minute", "- interval '5' minute");
        moveAcknowledge(soon, "- interval '1' minute", "+ interval '130' minute");

        JsonNode page = admin().get("/api/v1/queue?team=" + team).json();

        assertThat(numbers(page)).containsExactly(number(missed), number(soon), number(later));
        JsonNode first = page.get("items").get(0).get("deadline");
        assertThat(first.get("state").asString()).isEqualTo("BREACHED");
        assertThat(first.get("minutesLeft").asLong()).isBetween(-6L, -4L);
        JsonNode second = page.get("items").get(1).get("deadline");
        assertThat(second.get("state").asString()).isEqualTo("AT_RISK");
        assertThat(second.get("minutesLeft").asLong()).isBetween(128L, 130L);
    }

    @Test
    void filtersCombine() {
        long team = newTeam("Filters");
        JsonNode critical = openIn(team, 1);
        JsonNode criticalBilling = openIn(team, 1, "billing");
        openIn(team, 3);
        moveAcknowledge(critical, "- interval '9' minute", "- interval '5' minute");

        assertThat(numbers(admin().get("/api/v1/queue?team=" + team + "&severity=1").json()))
            .containsExactlyInAnyOrder(number(critical), number(criticalBilling));
        assertThat(numbers(admin().get("/api/v1/queue?team=" + team + "&severity=1&category=billing").json()))
            .containsExactly(number(criticalBilling));
        assertThat(numbers(admin().get("/api/v1/queue?team=" + team + "&severity=1&missed=true").json()))
            .containsExactly(number(critical));
        assertThat(numbers(admin().get("/api/v1/queue?team=" + team + "&queue=unassigned&status=in-progress").json())).isEmpty();
    }

    @Test
    void fiftyCasesAPageWithTheNextPageNamed() {
        long team = newTeam("Pages");
        for (int i = 0; i < 51; i++) {
            openIn(team, 4);
        }

        JsonNode first = admin().get("/api/v1/queue?team=" + team).json();
        JsonNode second = admin().get("/api/v1/queue?team=" + team + "&cursor=" + first.get("nextCursor").asString()).json();

        assertThat(first.get("items").size()).isEqualTo(50);
        assertThat(second.get("items").size()).isEqualTo(1);
        assertThat(second.get("nextCursor").isNull()).isTrue();
        assertThat(numbers(first)).doesNotContain(numbers(second).get(0));
    }

    @Test
    void aClosedCaseLeavesTheOpenQueueAndAReopenedOneComesBack() {
        long team = newTeam("Closing");
        JsonNode c = openIn(team, 2);
        String path = "/api/v1/cases/" + number(c);

        admin().post(path + "/acknowledge", Map.of());
        assertThat(admin().post(path + "/close", Map.of("outcome", "not-recovered", "note", "Customer stopped answering"))
            .status()).isEqualTo(200);
        List<String> whileClosed = numbers(admin().get("/api/v1/queue?team=" + team).json());
        List<String> closedView = numbers(admin().get("/api/v1/queue?queue=closed&team=" + team).json());
        admin().post(path + "/reopen", Map.of("reason", "The customer wrote again"));

        assertThat(whileClosed).isEmpty();
        assertThat(closedView).containsExactly(number(c));
        assertThat(numbers(admin().get("/api/v1/queue?team=" + team).json())).containsExactly(number(c));
    }

    @Test
    void anAgentSeesOnlyTheCasesTheyMayOpen() {
        long mine = newTeam("Mine");
        long other = newTeam("Other");
        Person agent = member("agent", mine);
        JsonNode ours = openIn(mine, 2);
        JsonNode theirs = openIn(other, 2);

        // The shared test database holds many open cases of the shared inbox, which the agent
        // also sees: look at their own team's, and check the other team's is nowhere.
        List<String> open = numbers(agent.http().get("/api/v1/queue?queue=open").json());
        List<String> ownTeam = numbers(agent.http().get("/api/v1/queue?queue=open&team=" + mine).json());
        List<String> filteredOnTheOtherTeam = numbers(agent.http().get("/api/v1/queue?team=" + other).json());

        assertThat(ownTeam).contains(number(ours));
        assertThat(open).doesNotContain(number(theirs));
        assertThat(filteredOnTheOtherTeam).isEmpty();
    }

    @Test
    void aCaseMovesInTheQueueAsSoonAsItIsReassignedMovedReRatedOrAcknowledged() {
        long first = newTeam("Before");
        long second = newTeam("After");
        Person agent = member("agent", first);
        JsonNode moving = openIn(first, 3);

        // Counted once before the change (counters are kept a few seconds): the change counts afresh.
        assertThat(agent.http().get("/api/v1/queue?queue=mine").json().get("counts").get("mine").asLong()).isZero();
        admin().post("/api/v1/cases/" + number(moving) + "/assign", Map.of("assigneeId", agent.id()));
        JsonNode agentsQueue = agent.http().get("/api/v1/queue?queue=mine").json();
        assertThat(numbers(agentsQueue)).containsExactly(number(moving));
        assertThat(agentsQueue.get("counts").get("mine").asLong()).isEqualTo(1);

        admin().post("/api/v1/cases/" + number(moving) + "/severity", Map.of("severity", 1, "reason", "A second parcel broke"));
        agent.http().post("/api/v1/cases/" + number(moving) + "/acknowledge", Map.of("message", "We are on it."));
        assertThat(numbers(admin().get("/api/v1/queue?team=" + first + "&severity=1&status=in-progress").json()))
            .containsExactly(number(moving));

        admin().post("/api/v1/cases/" + number(moving) + "/assign", Map.of("teamId", second));
        assertThat(agent.http().get("/api/v1/queue?queue=mine").json().get("counts").get("mine").asLong())
            .as("moved to another team, it is no longer the agent's").isZero();
        assertThat(numbers(admin().get("/api/v1/queue?team=" + first).json())).isEmpty();
        assertThat(numbers(admin().get("/api/v1/queue?team=" + second + "&queue=unassigned").json())).containsExactly(number(moving));
        JsonNode afterTheMove = agent.http().get("/api/v1/queue?queue=mine").json();
        assertThat(numbers(afterTheMove)).isEmpty();
        assertThat(afterTheMove.get("counts").get("mine").asLong()).isZero();
    }

    @Test
    void badFiltersAreProblemsNamingTheParameter() {
        Http.Response severity = admin().get("/api/v1/queue?severity=9");
        Http.Response view = admin().get("/api/v1/queue?queue=everything");
        Http.Response page = admin().get("/api/v1/queue?cursor=0");

        assertThat(severity.status()).isEqualTo(400);
        assertThat(severity.header("Content-Type")).contains("application/problem+json");
        assertThat(severity.json().get("detail").asString()).contains("severity");
        assertThat(view.status()).isEqualTo(400);
        assertThat(view.json().get("detail").asString()).contains("queue");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.json().get("errors").get(0).get("field").asString()).isEqualTo("cursor");
    }

    @Test
    void takeNextGivesTheMostUrgentCaseNobodyHoldsOfMyTeamThenTheNext() {
        long team = newTeam("Take");
        Person agent = member("agent", team);
        Person colleague = member("agent", team);
        JsonNode later = openIn(team, 3);
        JsonNode urgent = openIn(team, 3);
        JsonNode held = openIn(team, 3);
        moveAcknowledge(urgent, "- interval '9' minute", "- interval '5' minute");
        moveAcknowledge(held, "- interval '9' minute", "- interval '7' minute");
        colleague.http().post("/api/v1/cases/" + number(held) + "/assign", Map.of("assigneeId", colleague.id()));

        JsonNode first = agent.http().post("/api/v1/queue/take-next", Map.of()).json();
        JsonNode second = agent.http().post("/api/v1/queue/take-next", Map.of()).json();

        assertThat(first.get("number").asString()).isEqualTo(number(urgent));
        assertThat(first.get("assignee").get("id").asLong()).isEqualTo(agent.id());
        assertThat(second.get("number").asString()).isEqualTo(number(later));
        JsonNode stillHeld = admin().get("/api/v1/cases/" + number(held)).json();
        assertThat(stillHeld.get("assignee").get("id").asLong()).isEqualTo(colleague.id());
    }

    @Test
    void aSavedViewKeepsItsFiltersAndCountsWhatItFindsNow() {
        long team = newTeam("Saved");
        Person lead = member("lead", team);
        JsonNode critical = openIn(team, 1);
        openIn(team, 3);

        Http.Response saved = lead.http().post("/api/v1/queue/views", Map.of("name", "Critical", "query",
            "queue=open&team=" + team + "&severity=1"));
        openIn(team, 1);
        JsonNode listed = lead.http().get("/api/v1/queue/views").json();

        assertThat(saved.status()).isEqualTo(201);
        assertThat(listed.size()).isEqualTo(1);
        assertThat(listed.get(0).get("view").get("name").asString()).isEqualTo("Critical");
        assertThat(listed.get(0).get("count").asLong()).isEqualTo(2);
        assertThat(numbers(lead.http().get("/api/v1/queue?" + listed.get(0).get("view").get("query").asString()).json()))
            .contains(number(critical)).hasSize(2);
    }

    @Test
    void aSavedViewWithABadFilterOrATakenNameIsRefusedAndAnothersCannotBeDeleted() {
        Person agent = member("agent", null);
        Person other = member("agent", null);
        long id = agent.http().post("/api/v1/queue/views", Map.of("name", "Mine", "query", "queue=mine")).json().get("id").asLong();

        Http.Response badFilter = agent.http().post("/api/v1/queue/views", Map.of("name", "Odd", "query", "severity=7"));
        Http.Response taken = agent.http().post("/api/v1/queue/views", Map.of("name", "Mine", "query", "queue=open"));
        Http.Response notTheirs = other.http().delete("/api/v1/queue/views/" + id);

        assertThat(badFilter.status()).isEqualTo(400);
        assertThat(badFilter.json().get("detail").asString()).contains("severity");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(notTheirs.status()).isEqualTo(404);
        assertThat(agent.http().get("/api/v1/queue/views").json().size()).isEqualTo(1);
    }

    private JsonNode openIn(long team, int severity) {
        return openIn(team, severity, "delivery");
    }

    private JsonNode openIn(long team, int severity, String category) {
        Map<String, Object> body = new HashMap<>(complaint("C-" + unique(), category));
        body.put("severity", severity);
        JsonNode opened = admin().post("/api/v1/complaints", body).json();
        admin().post("/api/v1/cases/" + number(opened) + "/assign", Map.of("teamId", team));
        return opened;
    }

    // As if time had passed: the acknowledge target's warning and due times, relative to now.
    private void moveAcknowledge(JsonNode c, String warn, String due) {
        jdbc.sql("update sla_clocks set warn_at = current_timestamp " + warn + ", due_at = current_timestamp " + due
            + " where case_id = ? and target = 'ACKNOWLEDGE'").param(c.get("id").asLong()).update();
        clocksMoved(c.get("id").asLong());
    }

    private static String number(JsonNode c) {
        return c.get("number").asString();
    }

    private static List<String> numbers(JsonNode page) {
        return page.get("items").valueStream().map(item -> item.get("number").asString()).toList();
    }
}
