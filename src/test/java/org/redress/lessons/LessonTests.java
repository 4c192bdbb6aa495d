package org.redress.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.redress.ApplicationTest;
import org.redress.Http;

import tools.jackson.databind.JsonNode;

/**
 * Lessons from the Learn step: an action with an owner and a due date, followed on the lessons
 * list until done or dropped, by whom it may be, seen by whom it may be; a refused Learn step
 * leaves neither the step nor a lesson behind.
 */
class LessonTests extends ApplicationTest {

    @Test
    void aLessonsActionIsFollowedByItsOwnerUntilDone() {
        Person agent = member("agent", null);
        Person owner = member("agent", null);
        String c = causeFound(agent.http());
        String due = today().plusDays(7).toString();

        Http.Response learned = agent.http().post(c + "/learn", Map.of("lesson", "Fragile items leave unchecked.",
            "action", "Add a second check at packing", "actionOwnerId", owner.id(), "actionDue", due));

        assertThat(learned.status()).as(learned.body()).isEqualTo(200);
        JsonNode lesson = ofCase(owner.http(), "open", c);
        assertThat(lesson.get("action").asString()).isEqualTo("Add a second check at packing");
        assertThat(lesson.get("lesson").asString()).isEqualTo("Fragile items leave unchecked.");
        assertThat(lesson.get("ownerId").asLong()).isEqualTo(owner.id());
        assertThat(lesson.get("dueOn").asString()).isEqualTo(due);
        assertThat(lesson.get("rootCause").asString()).isEqualTo("carrier-delay");
        assertThat(lesson.get("status").asString()).isEqualTo("OPEN");
        assertThat(lesson.get("overdue").asBoolean()).isFalse();
        assertThat(agent.http().get(c + "/timeline").body()).contains("the action: Add a second check at packing");
        String path = "/api/v1/lessons/" + lesson.get("id").asLong();

        assertThat(agent.http().post(path + "/done", Map.of("note", "Done by me")).status())
            .as("only the owner (or a lead) marks it done").isEqualTo(403);
        JsonNode done = owner.http().post(path + "/done", Map.of("note", "Second check added on line 3")).json();

        assertThat(done.get("status").asString()).isEqualTo("DONE");
        assertThat(done.get("settledNote").asString()).isEqualTo("Second check added on line 3");
        assertThat(ofCase(owner.http(), "done", c).get("id").asLong()).isEqualTo(lesson.get("id").asLong());
        assertThat(owner.http().post(path + "/done", Map.of()).status()).isEqualTo(409);
        assertThat(admin().get("/api/v1/audit?subject=lesson:" + lesson.get("id").asLong()).body()).contains("lesson.action-done");
    }

    @Test
    void aLeadDropsAnActionOrGivesItToSomeoneElseAndAnAgentCannot() {
        Person agent = member("agent", null);
        Person other = member("agent", null);
        Person lead = member("lead", null);
        String c = causeFound(agent.http());
        agent.http().post(c + "/learn", Map.of("lesson", "Labels smudge in the rain.", "action", "Use waterproof labels",
            "actionDue", today().plusDays(3).toString()));
        JsonNode lesson = ofCase(agent.http(), "open", c);
        assertThat(lesson.get("ownerId").asLong()).as("the recorder owns it when nobody is named").isEqualTo(agent.id());
        String path = "/api/v1/lessons/" + lesson.get("id").asLong();

        assertThat(agent.http().post(path + "/drop", Map.of("reason", "Too dear")).status()).isEqualTo(403);
        assertThat(agent.http().patch(path, Map.of("ownerId", other.id())).status()).isEqualTo(403);
        Http.Response noReason = lead.http().post(path + "/drop", Map.of());
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
        Http.Response past = lead.http().patch(path, Map.of("dueOn", today().minusDays(1).toString()));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.json().get("errors").get(0).get("field").asString()).isEqualTo("dueOn");

        JsonNode moved = lead.http().patch(path, Map.of("ownerId", other.id(), "dueOn", today().plusDays(10).toString())).json();
        assertThat(moved.get("ownerId").asLong()).isEqualTo(other.id());
        assertThat(moved.get("dueOn").asString()).isEqualTo(today().plusDays(10).toString());
        JsonNode dropped = lead.http().post(path + "/drop", Map.of("reason", "The carrier changes next month anyway")).json();
        assertThat(dropped.get("status").asString()).isEqualTo("DROPPED");
        assertThat(other.http().post(path + "/done", Map.of()).status()).isEqualTo(409);
    }

    @Test
    void aRefusedLessonLeavesNeitherTheStepNorALesson() {
        Person agent = member("agent", null);
        String c = causeFound(agent.http());
        long caseId = agent.http().get(c).json().get("id").asLong();
        String lesson = "Ask the depot to call first.";

        assertRefused(agent.http().post(c + "/learn", Map.of("lesson", lesson, "action", "Call first")), "actionDue");
        assertRefused(agent.http().post(c + "/learn", Map.of("lesson", lesson, "action", "Call first",
            "actionDue", today().minusDays(1).toString())), "actionDue");
        assertRefused(agent.http().post(c + "/learn", Map.of("lesson", lesson, "action", "Call first",
            "actionDue", today().toString(), "actionOwnerId", 987_654_321)), "actionOwnerId");
        assertRefused(agent.http().post(c + "/learn", Map.of("lesson", lesson, "actionDue", today().toString())), "action");

        JsonNode learn = step(agent.http().get(c).json(), "LEARN");
        assertThat(learn.get("done").asBoolean()).isFalse();
        assertThat(jdbc.sql("select count(*) from lessons where case_id = ?").param(caseId).query(Long.class).single()).isZero();
    }

    @Test
    void anAgentSeesTheLessonsOfCasesTheyMayOpenAndTheActionsTheyOwn() {
        long teamA = newTeam("Lessons A " + unique());
        long teamB = newTeam("Lessons B " + unique());
        Person inA = member("agent", teamA);
        Person inB = member("agent", teamB);
        Person ownerInB = member("agent", teamB);
        String c = causeFound(admin());
        admin().post(c + "/assign", Map.of("teamId", teamA));
        admin().post(c + "/learn", Map.of("lesson", "Depot A loses parcels.", "action", "Audit depot A",
            "actionOwnerId", ownerInB.id(), "actionDue", today().plusDays(5).toString()));

        assertThat(lessons(inA.http(), "all")).extracting(l -> l.get("caseNumber").asString()).contains(number(c));
        assertThat(lessons(inB.http(), "all")).extracting(l -> l.get("caseNumber").asString()).doesNotContain(number(c));
        assertThat(lessons(ownerInB.http(), "open")).extracting(l -> l.get("caseNumber").asString()).contains(number(c));
        long id = ofCase(inA.http(), "all", c).get("id").asLong();
        assertThat(inB.http().get("/api/v1/lessons/" + id).status()).isEqualTo(404);
        assertThat(inB.http().get("/api/v1/lessons?show=someday").status()).isEqualTo(400);
    }

    // A case opened and heard with its root cause found: ready for the Learn step.
    private String causeFound(Http http) {
        String c = "/api/v1/cases/" + open(admin(), "LES-" + unique()).get("number").asString();
        http.post(c + "/acknowledge", Map.of("message", "We are on it."));
        http.post(c + "/listen", Map.of("account", "The parcel came wet and torn."));
        Http.Response found = http.post(c + "/identify-cause", Map.of("rootCause", "carrier-delay", "responsibility", "ours"));
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        return c;
    }

    private static String number(String casePath) {
        return casePath.substring(casePath.lastIndexOf('/') + 1);
    }

    private static List<JsonNode> lessons(Http http, String show) {
        Http.Response list = http.get("/api/v1/lessons?show=" + show + "&limit=500");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return list.json().valueStream().toList();
    }

    private static JsonNode ofCase(Http http, String show, String casePath) {
        return lessons(http, show).stream().filter(l -> l.get("caseNumber").asString().equals(number(casePath)))
            .findFirst().orElseThrow(() -> new AssertionError("no lesson of " + casePath + " in " + show));
    }

    private static JsonNode step(JsonNode recoveryCase, String step) {
        return recoveryCase.get("steps").valueStream().filter(s -> s.get("step").asString().equals(step)).findFirst().orElseThrow();
    }

    private static void assertRefused(Http.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }
}
