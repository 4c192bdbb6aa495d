package org.redress.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.redress.ApplicationTest;
import org.redress.Http;

import tools.jackson.databind.JsonNode;

/** Declaring an incident, putting customers on it, telling them first, and following them to recovery. */
class IncidentTests extends ApplicationTest {

    private static final Pattern LINK = Pattern.compile("/i/([A-Za-z0-9_-]{43})");

    @Test
    void threeReachableCustomersGetOneNoticeEachAndTheIncidentShowsTheCounts() throws Exception {
        String tag = unique();
        String incident = declare(admin(), "Late deliveries " + tag);

        JsonNode added = admin().post("/api/v1/incidents/" + incident + "/customers", Map.of("customers", List.of(
            Map.of("customerRef", "A-" + tag, "email", "a-" + tag + "@example.com", "name", "Ana Alves"),
            Map.of("customerRef", "B-" + tag, "email", "b-" + tag + "@example.com"),
            Map.of("email", "c-" + tag + "@example.com", "name", "Carla Costa"),
            Map.of("customerRef", "D-" + tag)))).json();
        admin().post("/api/v1/incidents/" + incident + "/notify", Map.of());

        assertThat(added.get("added").asInt()).isEqualTo(4);
        assertThat(added.get("created").asInt()).isEqualTo(4);
        JsonNode counts = awaitCounts(incident, "notified", 3);
        assertThat(counts.get("affected").asInt()).isEqualTo(4);
        assertThat(counts.get("reachable").asInt()).isEqualTo(3);
        // Notices count as sent only once the mail server (here the built-in one) took them.
        JsonNode sent = awaitCounts(incident, "sent", 3);
        assertThat(sent.get("queued").asInt()).isZero();
        assertThat(sent.get("failed").asInt()).isZero();
        List<Map<String, Object>> notices = jdbc.sql("""
                select recipient, subject, body_text from outbox where created_by = ? order by recipient""")
            .param("incident:" + incident).query().listOfRows();
        assertThat(notices).extracting(row -> row.get("recipient"))
            .containsExactly("a-" + tag + "@example.com", "b-" + tag + "@example.com", "c-" + tag + "@example.com");
        assertThat((String) notices.get(0).get("subject")).startsWith("Late deliveries " + tag);
        // No public address is set in the tests: the link names the node that wrote it, on localhost (the
        // sweep that writes notices may run in another test context on the same database).
        assertThat((String) notices.get(0).get("body_text")).contains("Dear Ana Alves", "A fault at the depot",
            "Two extra vans").containsPattern("http://localhost:\\d+/i/");
        assertThat(customerStates(incident)).containsExactly("NOTIFIED", "NOTIFIED", "NOTIFIED", "NOT_REACHABLE");
    }

    @Test
    void customersAlreadyOnTheIncidentAreCountedOnceAndOnlyTheNewOnesAreExposed() {
        String incident = declare(admin(), "Overlap " + unique());
        String a = "OV-A-" + unique();
        String b = "OV-B-" + unique();
        String c = "OV-C-" + unique();
        admin().post("/api/v1/incidents/" + incident + "/customers", Map.of("customers", List.of(
            Map.of("customerRef", a), Map.of("customerRef", b))));

        JsonNode second = admin().post("/api/v1/incidents/" + incident + "/customers", Map.of("customers", List.of(
            Map.of("customerRef", b), Map.of("customerRef", c)))).json();

        assertThat(second.get("added").asInt()).isEqualTo(1);
        assertThat(second.get("alreadyOn").asInt()).isEqualTo(1);
        assertThat(counts(incident).get("affected").asInt()).isEqualTo(3);
        // Each customer is exposed to the incident once, however often they are listed: waiting
        // for the risk sweep or counted by it (one statement, so one snapshot of both tables).
        assertThat(jdbc.sql("""
                select (select count(*) from risk_pending p join customers cu on cu.id = p.customer_id
                        where cu.external_ref in (:refs))
                     + (select count(*) from risk_sources s join customers cu on cu.id = s.customer_id
                        where cu.external_ref in (:refs) and s.source like 'incident:%')""")
            .param("refs", List.of(a, b, c)).query(Long.class).single())
            .isEqualTo(3);
    }

    @Test
    void aCsvWithMalformedRowsAddsNothingAndNamesEachBadLine() {
        String tag = unique();
        String incident = declare(admin(), "Billing error " + tag);
        String csv = "customerRef,email,name\n"
            + "R1-" + tag + ",r1-" + tag + "@example.com,Rita\n"
            + "R2-" + tag + ",not-an-email,Rui\n"
            + ",,Nobody\n"
            + "R4-" + tag + ",r4-" + tag + "@example.com\n";

        Http.Response refused = admin().with("Content-Type", "text/csv").post("/api/v1/incidents/" + incident + "/customers/csv", csv);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).contains("application/problem+json");
        assertThat(refused.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
            .containsExactly("line 3", "line 4", "line 5");
        assertThat(refused.json().get("errors").get(0).get("message").asString()).contains("not-an-email");
        assertThat(refused.json().get("errors").get(2).get("message").asString()).contains("columns");
        assertThat(admin().get("/api/v1/incidents/" + incident).json().get("counts").get("affected").asInt()).isZero();
        assertThat(jdbc.sql("select count(*) from customers where external_ref = ?").param("R1-" + tag).query(Long.class).single()).isZero();

        Http.Response good = admin().with("Content-Type", "text/csv").post("/api/v1/incidents/" + incident + "/customers/csv",
            "customerRef,email,name\nR1-" + tag + ",r1-" + tag + "@example.com,\"Rita, the first\"\n");
        assertThat(good.status()).as(good.body()).isEqualTo(200);
        assertThat(good.json().get("added").asInt()).isEqualTo(1);
    }

    @Test
    void eachCustomerIsRecordedWithTheTrueSourceListOrCsv() {
        String tag = unique();
        String incident = declare(admin(), "Sources " + tag);

        admin().post("/api/v1/incidents/" + incident + "/customers", Map.of("customers", List.of(Map.of("customerRef", "L-" + tag))));
        admin().with("Content-Type", "text/csv").post("/api/v1/incidents/" + incident + "/customers/csv",
            "customerRef,email,name\nV-" + tag + ",v-" + tag + "@example.com,Vi\n");

        Map<String, String> how = new java.util.HashMap<>();
        admin().get("/api/v1/incidents/" + incident + "/customers").json().get("items").valueStream()
            .forEach(i -> how.put(i.get("customerRef").asString(), i.get("addedHow").asString()));
        assertThat(how).containsEntry("L-" + tag, "list").containsEntry("V-" + tag, "CSV");
    }

    @Test
    void anEventRuleSelectsTheCustomersOfMatchingEventsOnce() {
        String tag = unique();
        Instant at = Instant.now().minus(Duration.ofHours(2));
        open(admin(), "OTHER-" + tag);
        integration().post("/api/v1/events", Map.of("events", List.of(
            event("e7-" + tag, "DELIVERY_LATE", "E6-" + tag, at, Map.of("batch", "B-17", "email", "other-" + tag + "@example.com")),
            event("e1-" + tag, "DELIVERY_LATE", "E1-" + tag, at, Map.of("batch", "B-17", "email", "e1-" + tag + "@example.com")),
            event("e2-" + tag, "DELIVERY_LATE", "E1-" + tag, at.plusSeconds(60), Map.of("batch", "B-17")),
            event("e3-" + tag, "DELIVERY_LATE", "E2-" + tag, at, Map.of("batch", "B-17", "note", "x")),
            event("e4-" + tag, "DELIVERY_LATE", "E3-" + tag, at, Map.of("batch", "B-18")),
            event("e5-" + tag, "DELIVERED", "E4-" + tag, at, Map.of("batch", "B-17")),
            event("e6-" + tag, "DELIVERY_LATE", "E5-" + tag, at.minus(Duration.ofDays(3)), Map.of("batch", "B-17")))));
        String incident = declare(admin(), "Batch B-17 " + tag);

        JsonNode added = admin().post("/api/v1/incidents/" + incident + "/customers/rule", Map.of("type", "delivery_late",
            "from", at.minus(Duration.ofHours(1)).toString(), "to", Instant.now().toString(),
            "attribute", "batch", "value", "B-17")).json();

        assertThat(added.get("added").asInt()).as(added.toString()).isEqualTo(3);
        JsonNode items = admin().get("/api/v1/incidents/" + incident + "/customers").json().get("items");
        assertThat(items.valueStream().map(i -> i.get("customerRef").asString()).toList())
            .containsExactlyInAnyOrder("E1-" + tag, "E2-" + tag, "E6-" + tag);
        assertThat(items.valueStream().map(i -> i.get("addedHow").asString())).containsOnly("events");
        // E6's event names an email that belongs to another customer: E6 is added by reference alone.
        assertThat(items.valueStream().filter(i -> i.get("customerRef").asString().equals("E6-" + tag)).findFirst().orElseThrow()
            .get("email").isNull()).isTrue();
        assertThat(items.valueStream().filter(i -> i.get("customerRef").asString().equals("E1-" + tag)).findFirst().orElseThrow()
            .get("email").asString()).isEqualTo("e1-" + tag + "@example.com");
        Http.Response bad = admin().post("/api/v1/incidents/" + incident + "/customers/rule", Map.of("type", "EARTHQUAKE", "from", "yesterday"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList()).contains("type", "from", "to");
    }

    @Test
    void openingTheLinkMarksOpenedAndThisAffectedMeOpensALinkedCaseOnce() throws Exception {
        String tag = unique();
        String incident = declare(admin(), "App outage " + tag);
        addOne(incident, "L-" + tag, "l-" + tag + "@example.com");
        admin().post("/api/v1/incidents/" + incident + "/notify", Map.of());
        awaitCounts(incident, "notified", 1);
        String token = token("l-" + tag + "@example.com");
        Http customer = Http.anonymous(port);

        Http.Response page = customer.html("/i/" + token);
        customer.html("/i/" + token);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("App outage " + tag, "A fault at the depot", "Two extra vans", "This affected me");
        assertThat(counts(incident).get("opened").asInt()).isEqualTo(1);

        Http.Response replied = postForm(customer, "/i/" + token + "/affected", "message=My+order+never+came");
        postForm(customer, "/i/" + token + "/affected", "message=My+order+never+came");
        assertThat(replied.status()).isEqualTo(302);
        JsonNode counts = counts(incident);
        assertThat(counts.get("replied").asInt()).isEqualTo(1);
        assertThat(counts.get("cases").asInt()).isEqualTo(1);
        JsonNode item = admin().get("/api/v1/incidents/" + incident + "/customers").json().get("items").get(0);
        assertThat(item.get("state").asString()).isEqualTo("CASE");
        JsonNode linked = admin().get("/api/v1/cases/" + item.get("caseNumber").asString()).json();
        assertThat(linked.get("channel").asString()).isEqualTo("proactive");
        assertThat(linked.get("subject").asString()).isEqualTo("App outage " + tag);
        assertThat(admin().get("/api/v1/cases/" + item.get("caseNumber").asString() + "/messages").json().size()).isEqualTo(1);
        assertThat(customer.html("/i/" + token).body()).contains("My order never came");

        Http.Response unknown = customer.html("/i/" + token.substring(1) + "x");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("This link is not valid");
        assertThat(customer.html("/i/short").status()).isEqualTo(404);
    }

    @Test
    void aLinkedCaseClosedAsRecoveredMarksItsCustomerRecovered() throws Exception {
        String tag = unique();
        String incident = declare(admin(), "Wrong invoices " + tag);
        addOne(incident, "W-" + tag, "w-" + tag + "@example.com");
        addOne(incident, "X-" + tag, "x-" + tag + "@example.com");

        admin().post("/api/v1/incidents/" + incident + "/notify", Map.of("openCases", true));
        awaitCounts(incident, "notified", 2);
        awaitCounts(incident, "cases", 2);
        String number = admin().get("/api/v1/incidents/" + incident + "/customers").json().get("items").get(0).get("caseNumber").asString();
        closeAsRecovered(number);

        assertThat(counts(incident).get("recovered").asInt()).isEqualTo(1);
        assertThat(admin().get("/api/v1/incidents/" + incident + "/customers").json().get("items").get(0).get("state").asString())
            .isEqualTo("RECOVERED");
        assertThat(admin().get("/api/v1/cases/" + number).json().get("channel").asString()).isEqualTo("proactive");
    }

    @Test
    void aLinkedCaseMergedIntoTheCustomersOwnComplaintTakesTheLinkAndItsRecoveryWithIt() throws Exception {
        String tag = unique();
        String incident = declare(admin(), "Late parcels " + tag);
        addOne(incident, "L-" + tag, "l-" + tag + "@example.com");
        admin().post("/api/v1/incidents/" + incident + "/notify", Map.of("openCases", true));
        awaitCounts(incident, "cases", 1);
        String linked = admin().get("/api/v1/incidents/" + incident + "/customers").json().get("items").get(0)
            .get("caseNumber").asString();
        String own = admin().post("/api/v1/complaints", complaint("L-" + tag, "billing")).json().get("number").asString();

        Http.Response merged = admin().post("/api/v1/cases/" + linked + "/close", Map.of("reason", "duplicate", "duplicateOf", own));
        closeAsRecovered(own);

        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        JsonNode customer = admin().get("/api/v1/incidents/" + incident + "/customers").json().get("items").get(0);
        assertThat(customer.get("caseNumber").asString()).isEqualTo(own);
        assertThat(customer.get("state").asString()).isEqualTo("RECOVERED");
        assertThat(counts(incident).get("recovered").asInt()).isEqualTo(1);
    }

    @Test
    void agentsReadIncidentsButOnlyLeadsManagersAndAdminsDeclareNotifyAndClose() {
        Http agent = newUser("agent");
        Http lead = newUser("lead");
        String incident = declare(lead, "Slow support line " + unique());

        Http.Response declared = agent.post("/api/v1/incidents", declaration("Agent's incident"));
        assertThat(declared.status()).isEqualTo(403);
        assertThat(agent.post("/api/v1/incidents/" + incident + "/notify", Map.of()).status()).isEqualTo(403);
        assertThat(agent.post("/api/v1/incidents/" + incident + "/customers", Map.of("customers", List.of(Map.of("customerRef", "Z-1"))))
            .status()).isEqualTo(403);
        assertThat(agent.post("/api/v1/incidents/" + incident + "/close", Map.of("lesson", "x")).status()).isEqualTo(403);
        assertThat(agent.get("/api/v1/incidents/" + incident).status()).isEqualTo(200);

        assertThat(lead.post("/api/v1/incidents/" + incident + "/close", Map.of()).status()).isEqualTo(400);
        JsonNode closed = lead.post("/api/v1/incidents/" + incident + "/close", Map.of("lesson", "Staff the line for peaks.")).json();
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        assertThat(lead.post("/api/v1/incidents/" + incident + "/notify", Map.of()).status()).isEqualTo(409);
        assertThat(admin().get("/api/v1/audit?subject=incident:" + incident).json().get("items").valueStream()
            .map(e -> e.get("action").asString()).toList()).contains("incident.declared", "incident.closed");
    }

    @Test
    void aDeclarationWithBadFieldsNamesThemAll() {
        Http.Response refused = admin().post("/api/v1/incidents", Map.of("title", "", "fixBy", "2001-01-01", "category", "weather",
            "severity", 9));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
            .containsExactlyInAnyOrder("title", "whatHappened", "plan", "fixBy", "category", "severity");
    }

    // --- helpers

    static Map<String, Object> declaration(String title) {
        return Map.of("title", title, "whatHappened", "A fault at the depot delayed parcels.",
            "plan", "Two extra vans are delivering every delayed parcel.", "fixBy", today().plusDays(3).toString(),
            "category", "delivery", "severity", 2);
    }

    private String declare(Http http, String title) {
        Http.Response declared = http.post("/api/v1/incidents", declaration(title));
        assertThat(declared.status()).as(declared.body()).isEqualTo(201);
        return declared.json().get("number").asString();
    }

    private void addOne(String incident, String ref, String email) {
        Http.Response added = admin().post("/api/v1/incidents/" + incident + "/customers",
            Map.of("customers", List.of(Map.of("customerRef", ref, "email", email, "name", "Customer " + ref))));
        assertThat(added.status()).as(added.body()).isEqualTo(200);
    }

    private JsonNode counts(String incident) {
        return admin().get("/api/v1/incidents/" + incident).json().get("counts");
    }

    private JsonNode awaitCounts(String incident, String count, int expected) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(40));
        JsonNode counts = counts(incident);
        while (counts.get(count).asInt() < expected && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            counts = counts(incident);
        }
        assertThat(counts.get(count).asInt()).as(counts.toString()).isEqualTo(expected);
        return counts;
    }

    private List<String> customerStates(String incident) {
        return admin().get("/api/v1/incidents/" + incident + "/customers").json().get("items").valueStream()
            .map(i -> i.get("state").asString()).toList();
    }

    private String token(String email) {
        String body = jdbc.sql("select body_text from outbox where recipient = ?").param(email).query(String.class).single();
        Matcher link = LINK.matcher(body);
        assertThat(link.find()).as(body).isTrue();
        return link.group(1);
    }

    private Http.Response postForm(Http http, String path, String form) throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
        return new Http.Response(response.statusCode(), Map.of(), response.body());
    }

    private static Map<String, Object> event(String id, String type, String ref, Instant at, Map<String, Object> attributes) {
        return Map.of("eventId", id, "type", type, "customerRef", ref, "occurredAt", at.toString(), "attributes", attributes);
    }
}
