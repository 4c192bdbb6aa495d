package org.redress.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.redress.ApplicationTest;
import org.redress.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.JsonNode;

/**
 * Who may act on a case: agents and leads on their team's cases (and the shared inbox, and
 * what is assigned to them), admins on every case, integrations on none. Each action on a
 * case is tried by an agent of another team (refused with the rule, audited, nothing
 * changed), by an integration (refused), by an agent and by a lead of the case's team.
 */
class CaseAccessTests extends ApplicationTest {

    private static final String ME = "<the caller>";

    /** A case in a team's queue, nobody holding it, and the team's agent and lead. */
    record Fixture(long id, String number, String path, long customerId, long teamId, String teamName, Person agent,
                   Person lead) {}

    /** A request, in which {@link #ME} stands for the caller's user id. */
    record Call(String method, String path, Map<String, Object> body) {

        Http.Response by(Person caller) {
            Map<String, Object> resolved = new HashMap<>();
            body.forEach((key, value) -> resolved.put(key, ME.equals(value) ? caller.id() : value));
            return method.equals("PUT") ? caller.http().put(path, resolved) : caller.http().post(path, resolved);
        }
    }

    /** An action on a case: what an admin does first so that it can be done, then the request. */
    record Action(String name, BiFunction<CaseAccessTests, Fixture, Call> setUp) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Action> actionsOnACase() {
        return Stream.of(
            post("acknowledge", "acknowledge", Map.of()),
            post("listen", "listen", Map.of("account", "The vase was in pieces when the box was opened.")),
            post("apologize", "apologize", Map.of("apology", "I am so sorry."), "acknowledge"),
            post("identify the cause", "identify-cause", Map.of("rootCause", "carrier-delay", "responsibility", "ours"),
                "listen"),
            post("explain", "explain", Map.of("explanation", "The carrier dropped it."), "listen", "identify-cause"),
            post("resolve", "resolve", Map.of("resolution", "A new vase", "promisedBy", tomorrow()), "acknowledge", "listen"),
            post("fulfil", "fulfil", Map.of("note", "Sent"), "acknowledge", "listen", "resolve"),
            post("follow up", "follow-up", Map.of("satisfied", true), "acknowledge", "listen", "resolve", "fulfil"),
            post("learn", "learn", Map.of("lesson", "Pack vases twice."), "listen", "identify-cause"),
            post("add a note", "notes", Map.of("text", "Called the carrier.")),
            new Action("tag", (t, f) -> new Call("PUT", f.path() + "/tags", Map.of("tags", List.of("fragile")))),
            post("change the severity", "severity", Map.of("severity", 1, "reason", "A wedding gift")),
            post("reply to the customer", "replies", Map.of("subject", "Your vase",
                "text", "I am sorry your vase arrived broken. A new one leaves our warehouse today; I will write again tomorrow.")),
            post("pause the clocks", "sla/pause", Map.of("reason", "Waiting for photos")),
            post("make a promise", "promises", Map.of("description", "Call back",
                "dueAt", Instant.now().plus(1, ChronoUnit.DAYS).toString())),
            post("close", "close", Map.of("outcome", "not-recovered", "note", "The customer left"), "acknowledge"),
            post("reopen", "reopen", Map.of("reason", "The customer wrote again"), "acknowledge", "close"),
            post("take it", "assign", Map.of("assigneeId", ME)),
            new Action("release it", (t, f) -> {
                t.admin().post(f.path() + "/assign", Map.of("assigneeId", f.agent().id()));
                Map<String, Object> nobody = new HashMap<>();
                nobody.put("assigneeId", null);
                return new Call("POST", f.path() + "/assign", nobody);
            }),
            post("grant a remedy", "remedies", Map.of("type", "goodwill", "amount", "5.00", "description", "Flowers")),
            new Action("offer a remedy", (t, f) -> {
                t.admin().post(f.path() + "/assign", Map.of("assigneeId", f.agent().id()));
                t.heard(t.admin(), f.path());
                long remedy = t.admin().post(f.path() + "/remedies", Map.of("type", "goodwill", "amount", "5.00",
                    "description", "Flowers")).json().get("id").asLong();
                return new Call("POST", "/api/v1/remedies/" + remedy + "/offer", Map.of("deliverBy", tomorrow()));
            }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("actionsOnACase")
    void anAgentOfAnotherTeamIsRefusedWithTheRuleAuditedAndNothingChanged(Action action) {
        Fixture f = teamCase();
        Call call = action.setUp().apply(this, f);
        Person outsider = member("agent", newTeam("Billing"));
        String before = snapshot(f);

        Http.Response refused = call.by(outsider);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString())
            .startsWith("Agents act only on cases of their own team, cases in the shared inbox (no team) or cases assigned to them")
            .contains(f.number() + " belongs to team " + f.teamName());
        assertThat(denials(outsider, f.number())).isEqualTo(1);
        assertThat(snapshot(f)).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("actionsOnACase")
    void anIntegrationIsRefused(Action action) {
        Fixture f = teamCase();
        Call call = action.setUp().apply(this, f);
        Person integration = integrationUser();
        String before = snapshot(f);

        Http.Response refused = call.by(integration);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString()).startsWith("Integrations are not people");
        assertThat(snapshot(f)).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("actionsOnACase")
    void anAgentOfTheTeamMayDoIt(Action action) {
        Fixture f = teamCase();
        Call call = action.setUp().apply(this, f);

        Http.Response done = call.by(f.agent());

        assertThat(done.status()).as(done.body()).isBetween(200, 299);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("actionsOnACase")
    void aLeadOfTheTeamMayDoIt(Action action) {
        Fixture f = teamCase();
        Call call = action.setUp().apply(this, f);

        Http.Response done = call.by(f.lead());

        assertThat(done.status()).as(done.body()).isBetween(200, 299);
    }

    @Test
    void anAgentOfAnotherTeamCannotOpenTheCaseOrAnythingOnIt() {
        Fixture f = teamCase();
        Person outsider = member("agent", newTeam("Billing"));

        List<Integer> statuses = Stream.of("", "/timeline", "/messages", "/remedies", "/remedies/suggestion", "/sla",
                "/promises", "/outbox", "/templates/APOLOGY")
            .map(part -> outsider.http().get(f.path() + part).status()).toList();

        assertThat(statuses).containsOnly(403);
        assertThat(f.agent().http().get(f.path()).status()).isEqualTo(200);
    }

    @Test
    void listsShowAnAgentOnlyTheCasesTheyMayOpen() {
        Fixture f = teamCase();
        admin().post(f.path() + "/promises", Map.of("description", "Call back",
            "dueAt", Instant.now().plus(1, ChronoUnit.DAYS).toString()));
        makeDue(f.id(), "ACKNOWLEDGE");
        Person outsider = member("agent", newTeam("Billing"));

        assertThat(numbers(outsider.http().get("/api/v1/cases?customer=" + f.customerId()))).isEmpty();
        assertThat(numbers(outsider.http().get("/api/v1/cases?team=" + f.teamId()))).isEmpty();
        assertThat(numbers(outsider.http().get("/api/v1/customers/" + f.customerId() + "/cases"))).isEmpty();
        assertThat(outsider.http().get("/api/v1/sla/attention?limit=200").json().valueStream()
            .map(item -> item.get("recoveryCase").get("number").asString())).doesNotContain(f.number());
        assertThat(outsider.http().get("/api/v1/promises?limit=500").json().valueStream()
            .map(promise -> promise.get("caseId").asLong())).doesNotContain(f.id());
        assertThat(numbers(f.agent().http().get("/api/v1/cases?customer=" + f.customerId()))).containsExactly(f.number());
        assertThat(numbers(f.agent().http().get("/api/v1/customers/" + f.customerId() + "/cases"))).containsExactly(f.number());
    }

    @Test
    void anAgentNeverTakesACaseSomeoneElseHolds() {
        Fixture f = teamCase();
        admin().post(f.path() + "/assign", Map.of("assigneeId", f.agent().id()));
        Person colleague = member("agent", f.teamId());

        Http.Response refused = colleague.http().post(f.path() + "/assign", Map.of("assigneeId", colleague.id()));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("detail").asString()).isEqualTo("Agents take only cases nobody holds; " + f.number()
            + " is held by " + name(f.agent()) + ". Ask them, or a lead, to hand it over.");
        assertThat(denials(colleague, f.number())).isEqualTo(1);
        assertThat(admin().get(f.path()).json().get("assignee").get("id").asLong()).isEqualTo(f.agent().id());
    }

    @Test
    void onlyLeadsGiveACaseToSomeoneElse() {
        Fixture f = teamCase();
        Person colleague = member("agent", f.teamId());

        Http.Response byAgent = f.agent().http().post(f.path() + "/assign", Map.of("assigneeId", colleague.id()));
        Http.Response byLead = f.lead().http().post(f.path() + "/assign", Map.of("assigneeId", colleague.id()));

        assertThat(byAgent.status()).isEqualTo(403);
        assertThat(byAgent.json().get("detail").asString())
            .isEqualTo("Agents take a case themselves; only leads, managers and admins assign it to others.");
        assertThat(byLead.status()).isEqualTo(200);
        assertThat(byLead.json().get("assignee").get("id").asLong()).isEqualTo(colleague.id());
    }

    @Test
    void anAgentActsOnTheSharedInboxAndOnWhatIsAssignedToThemWhateverItsTeam() {
        String shared = "/api/v1/cases/" + open(admin(), "C-" + unique()).get("number").asString();
        Fixture f = teamCase();
        Person outsider = member("agent", newTeam("Billing"));
        admin().post(f.path() + "/assign", Map.of("assigneeId", outsider.id(), "teamId", f.teamId()));

        assertThat(outsider.http().post(shared + "/notes", Map.of("text", "Mine too")).status()).isEqualTo(200);
        assertThat(outsider.http().post(f.path() + "/notes", Map.of("text", "Handed to me")).status()).isEqualTo(200);
    }

    @Test
    void aLeadOrManagerOfAnotherTeamIsRefusedButOneWithoutATeamOverseesEveryTeam() {
        Fixture f = teamCase();
        Person otherLead = member("lead", newTeam("Billing"));
        Person head = member("manager", null);

        Http.Response refused = otherLead.http().post(f.path() + "/notes", Map.of("text", "Let me see"));
        Http.Response overseen = head.http().post(f.path() + "/notes", Map.of("text", "Looking into it"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("detail").asString()).isEqualTo("Leads and managers act only on cases of their own "
            + "team, cases in the shared inbox (no team) or cases assigned to them; " + f.number() + " belongs to team "
            + f.teamName() + ".");
        assertThat(overseen.status()).isEqualTo(200);
    }

    @Test
    void onlyAnIntegrationPostsBusinessEventsAndInboundMessages() {
        Person agent = member("agent", null);
        Map<String, Object> events = Map.of("events", List.of(Map.of("eventId", "e-" + unique(), "type", "ORDER_PLACED",
            "customerRef", "C-" + unique(), "occurredAt", Instant.now().toString())));
        Map<String, Object> mail = Map.of("from", "x-" + unique() + "@example.com", "subject", "Broken",
            "text", "It broke.", "messageId", "<" + unique() + "@mail.example.com>");
        Http integration = integration();

        Http.Response agentEvents = agent.http().post("/api/v1/events", events);
        Http.Response adminEvents = admin().post("/api/v1/events", events);
        Http.Response agentMail = agent.http().post("/api/v1/inbound/email", mail);

        assertThat(List.of(agentEvents.status(), adminEvents.status(), agentMail.status())).containsOnly(403);
        assertThat(agentEvents.header("Content-Type")).startsWith("application/problem+json");
        assertThat(agentEvents.json().get("detail").asString()).startsWith("Only integrations post business events");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'access.denied' and actor_id = ?")
            .param(agent.id()).query(Long.class).single()).isEqualTo(2);
        assertThat(integration.post("/api/v1/events", events).status()).isEqualTo(200);
        assertThat(integration.post("/api/v1/inbound/email", mail).status()).isEqualTo(200);
        assertThat(integration.post("/api/v1/complaints", complaint("C-" + unique(), "delivery")).status()).isEqualTo(201);
        assertThat(integration.get("/api/v1/cases").status()).isEqualTo(403);
    }

    @Test
    void anIntegrationHasNoPasswordAndOnlyAnAdminIssuesItsTokens() {
        String email = "orders-" + unique() + "@test.redress";
        Http.Response withPassword = admin().post("/api/v1/users", Map.of("email", "p-" + email, "name", "Orders",
            "role", "integration", "password", "a-long-password"));
        long id = admin().post("/api/v1/users", Map.of("email", email, "name", "Orders", "role", "integration"))
            .json().get("id").asLong();
        Person agent = member("agent", null);

        Http.Response byAgent = agent.http().post("/api/v1/users/" + id + "/tokens", Map.of("name", "x"));
        Http.Response forAPerson = admin().post("/api/v1/users/" + agent.id() + "/tokens", Map.of("name", "x"));
        Http integration = Http.bearer(port, integrationToken(id));

        assertThat(withPassword.status()).isEqualTo(400);
        assertThat(byAgent.status()).isEqualTo(403);
        assertThat(forAPerson.status()).isEqualTo(403);
        assertThat(forAPerson.json().get("detail").asString()).startsWith("Admins issue tokens only for integrations");
        assertThat(integration.post("/api/v1/tokens", Map.of("name", "more")).status()).isEqualTo(403);
        assertThat(Http.basic(port, email, "anything-at-all").get("/api/v1/me").status()).isEqualTo(401);
        assertThat(admin().get("/api/v1/users/" + id + "/tokens").json()).hasSize(1);
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    // The check on reads rests on this: every URL under a case names it {case}.
    @Test
    void everyUrlUnderACaseNamesItWithTheCaseVariable() {
        List<String> patterns = mappings.getHandlerMethods().keySet().stream()
            .flatMap(info -> info.getPatternValues().stream())
            .filter(pattern -> pattern.startsWith("/cases/{") || pattern.startsWith("/api/v1/cases/{"))
            .toList();

        assertThat(patterns).isNotEmpty().allMatch(pattern -> pattern.startsWith("/cases/{case}")
            || pattern.startsWith("/api/v1/cases/{case}"));
    }

    // ---- fixtures -------------------------------------------------------------------------

    private Fixture teamCase() {
        String teamName = "Deliveries " + unique();
        long team = admin().post("/api/v1/teams", Map.of("name", teamName)).json().get("id").asLong();
        JsonNode opened = open(admin(), "C-" + unique());
        String number = opened.get("number").asString();
        String path = "/api/v1/cases/" + number;
        admin().post(path + "/assign", Map.of("teamId", team));
        return new Fixture(opened.get("id").asLong(), number, path, opened.get("customer").get("id").asLong(), team, teamName,
            member("agent", team), member("lead", team));
    }

    private static Action post(String name, String action, Map<String, Object> body, String... stepsBefore) {
        return new Action(name, (test, f) -> {
            for (String step : stepsBefore) {
                Http.Response done = test.admin().post(f.path() + "/" + step, STEP_BODIES.get(step));
                assertThat(done.status()).as(done.body()).isBetween(200, 299);
            }
            return new Call("POST", f.path() + "/" + action, body);
        });
    }

    private static final Map<String, Map<String, Object>> STEP_BODIES = Map.of(
        "acknowledge", Map.of(),
        "listen", Map.of("account", "Broken vase"),
        "identify-cause", Map.of("rootCause", "carrier-delay", "responsibility", "ours"),
        "resolve", Map.of("resolution", "A new vase", "promisedBy", tomorrow()),
        "fulfil", Map.of("note", "Sent"),
        "close", Map.of("outcome", "not-recovered", "note", "The customer left"));

    private static String tomorrow() {
        return today().plusDays(1).toString();
    }

    /**
     * Everything an admin can read about the case, and its clocks (without the time left, which
     * moves by itself), and the messages written to the customer (without their delivery, which
     * the outbox moves on by itself).
     */
    private String snapshot(Fixture f) {
        return Stream.of("", "/timeline", "/messages", "/remedies", "/promises")
            .map(part -> admin().get(f.path() + part).body())
            .reduce("", (all, part) -> all + "\n" + part)
            + admin().get(f.path() + "/outbox").json().valueStream()
                .map(message -> message.get("id").asLong() + " " + message.get("recipient").asString() + " "
                    + message.get("subject").asString("")).toList()
            + jdbc.sql("select target, due_at, paused_at, met_at, stopped_at from sla_clocks where case_id = ? order by id")
                .param(f.id()).query().listOfRows();
    }

    private long denials(Person who, String number) {
        return jdbc.sql("select count(*) from audit_log where action = 'access.denied' and actor_id = ? and subject = ?")
            .params(who.id(), "case:" + number).query(Long.class).single();
    }

    private static List<String> numbers(Http.Response page) {
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return page.json().get("items").valueStream().map(item -> item.get("number").asString()).toList();
    }
}
