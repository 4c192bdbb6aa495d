package org.redress;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * The whole application on a random port against a fresh PostgreSQL database. Test
 * classes share one running application; each test makes its own customers and cases
 * (unique references), so tests do not see each other's data as theirs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "redress.admin.email=" + ApplicationTest.ADMIN_EMAIL,
    "redress.admin.password=" + ApplicationTest.ADMIN_PASSWORD,
    "redress.time-zone=UTC",
    // Its tests start nodes of their own with a moved clock; here it would mail every lead and admin
    // the tests make whenever a sending time passed.
    "redress.insights.digest.enabled=false",
    // Every test's customer comes from 127.0.0.1, and many present a bad link on purpose: at the usual
    // limit, together they would lock each other out of customer pages. LinkThrottleTests uses addresses of its own.
    "redress.links.bad-token-limit=100",
    // CustomerSearchTests merges the search indexes' lists of new entries itself, to see them before and after.
    "redress.customers.search-merge-every=1h"})
public abstract class ApplicationTest {

    public static final String ADMIN_EMAIL = "admin@test.redress";
    public static final String ADMIN_PASSWORD = "admin-password-1";

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", PostgresDatabase::url);
        registry.add("spring.datasource.username", PostgresDatabase::user);
        registry.add("spring.datasource.password", PostgresDatabase::password);
    }

    protected Http admin() {
        return Http.basic(port, ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    /** A new user with this role, signed in through a fresh API token. */
    protected Http newUser(String role) {
        String email = role + "-" + unique() + "@test.redress";
        Http.Response created = admin().post("/api/v1/users",
            Map.of("email", email, "name", "Test " + role, "password", "password-" + role + "-1", "role", role));
        if (created.status() != 201) {
            throw new IllegalStateException(created.body());
        }
        Http.Response token = Http.basic(port, email, "password-" + role + "-1").post("/api/v1/tokens", Map.of("name", "tests"));
        return Http.bearer(port, token.json().get("secret").asString());
    }

    /** A user of the API, with their id. */
    protected record Person(long id, Http http) {}

    /** A new user with this role in this team (or none), signed in through a fresh API token. */
    protected Person member(String role, @org.jspecify.annotations.Nullable Long teamId) {
        String email = role + "-" + unique() + "@test.redress";
        Map<String, Object> body = new java.util.HashMap<>(Map.of("email", email, "name", "Test " + role + " " + unique(),
            "password", "password-" + role + "-1", "role", role));
        if (teamId != null) {
            body.put("teamId", teamId);
        }
        Http.Response created = admin().post("/api/v1/users", body);
        if (created.status() != 201) {
            throw new IllegalStateException(created.body());
        }
        Http.Response token = Http.basic(port, email, "password-" + role + "-1").post("/api/v1/tokens", Map.of("name", "tests"));
        return new Person(created.json().get("id").asLong(), Http.bearer(port, token.json().get("secret").asString()));
    }

    /**
     * A new integration (a business system: not a person), signed in through a token an
     * admin issued for it. Integrations alone post business events and inbound messages.
     */
    protected Http integration() {
        return integrationUser().http();
    }

    /** A new integration with a token: its user id and its client. */
    protected Person integrationUser() {
        long id = newIntegration();
        return new Person(id, Http.bearer(port, integrationToken(id)));
    }

    /** A new integration user, without a token; its id. */
    protected long newIntegration() {
        Http.Response created = admin().post("/api/v1/users", Map.of("email", "integration-" + unique() + "@test.redress",
            "name", "Order system " + unique(), "role", "integration"));
        if (created.status() != 201) {
            throw new IllegalStateException(created.body());
        }
        return created.json().get("id").asLong();
    }

    /** A token for an integration, issued by the admin. */
    protected String integrationToken(long integrationId) {
        Http.Response token = admin().post("/api/v1/users/" + integrationId + "/tokens", Map.of("name", "tests"));
        if (token.status() != 201) {
            throw new IllegalStateException(token.body());
        }
        return token.json().get("secret").asString();
    }

    /** The display name of a user. */
    protected String name(Person person) {
        return admin().get("/api/v1/users/" + person.id()).json().get("name").asString();
    }

    /**
     * The user's alerts of one kind, newest first. Alerts are raised after the change that
     * causes them has committed (and a sweep's on its own schedule), so this waits up to ten
     * seconds for the first one to appear (and a little longer for any that follow).
     */
    protected static List<JsonNode> alerts(Http http, String kind) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        List<JsonNode> found = alertsNow(http, kind);
        while (found.isEmpty() && System.nanoTime() < deadline) {
            pause(100);
            found = alertsNow(http, kind);
        }
        pause(300);
        return alertsNow(http, kind);
    }

    private static List<JsonNode> alertsNow(Http http, String kind) {
        return http.get("/api/v1/alerts?limit=200").json().get("items").valueStream()
            .filter(alert -> alert.get("kind").asString().equals(kind)).toList();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Makes a case's clock for the target overdue (and past its warning), as if time had passed. */
    protected void makeDue(long caseId, String target) {
        jdbc.sql("""
                update sla_clocks set warn_at = current_timestamp - interval '2' minute,
                       due_at = current_timestamp - interval '1' minute
                where case_id = ? and target = ?""")
            .params(caseId, target).update();
        clocksMoved(caseId);
    }

    /**
     * After a test moved a case's clocks by SQL: its row in the queue's read model takes their
     * times, as the sla module does in the transaction that moves them.
     */
    protected void clocksMoved(long caseId) {
        String running = " from sla_clocks k where k.case_id = sla_queue.case_id and k.met_at is null and k.stopped_at is null"
            + " and k.paused_at is null";
        jdbc.sql("update sla_queue set due_at = (select min(k.due_at)" + running + "), warn_at = (select min(k.warn_at)"
            + running + ") where case_id = ?").param(caseId).update();
    }

    protected long newTeam(String name) {
        return admin().post("/api/v1/teams", Map.of("name", name + " " + unique())).json().get("id").asLong();
    }

    /** Today in the business time zone the tests pin (UTC), whatever the machine's zone. */
    protected static java.time.LocalDate today() {
        return java.time.LocalDate.now(java.time.ZoneOffset.UTC);
    }

    protected static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A complaint body from a new customer. */
    protected static Map<String, Object> complaint(String customerRef, String category) {
        return Map.of(
            "customer", Map.of("externalRef", customerRef, "name", "Maria Lopez", "email", customerRef.toLowerCase() + "@example.com"),
            "channel", "email",
            "category", category,
            "severity", 2,
            "subject", "Parcel arrived broken",
            "message", "The box was crushed and the vase inside is in pieces.");
    }

    /**
     * Acknowledges the customer and records their account (as {@code http}): what comes
     * before a remedy is offered, since an offer is how the resolution is agreed.
     */
    protected void heard(Http http, String casePath) {
        http.post(casePath + "/acknowledge", Map.of());
        http.post(casePath + "/listen", Map.of("account", "The box was crushed and the vase inside is in pieces."));
    }

    /** Walks the case through the whole playbook and closes it as recovered (the resolution's promise kept on time). */
    protected void closeAsRecovered(String number) {
        String c = "/api/v1/cases/" + number;
        admin().post(c + "/acknowledge", Map.of("message", "We are on it."));
        admin().post(c + "/listen", Map.of("account", "The invoice was wrong."));
        admin().post(c + "/apologize", Map.of("apology", "I am sorry."));
        admin().post(c + "/identify-cause", Map.of("rootCause", "carrier-delay", "responsibility", "ours"));
        admin().post(c + "/explain", Map.of("explanation", "A fault at the depot."));
        admin().post(c + "/resolve", Map.of("resolution", "Corrected invoice", "promisedBy", today().plusDays(1).toString()));
        admin().post(c + "/fulfil", Map.of("note", "Sent"));
        admin().post(c + "/follow-up", Map.of("satisfied", true, "satisfaction", 5));
        admin().post(c + "/learn", Map.of("lesson", "Check invoices."));
        Http.Response closed = admin().post(c + "/close", Map.of("outcome", "recovered"));
        if (closed.status() != 200) {
            throw new IllegalStateException(closed.body());
        }
    }

    protected JsonNode open(Http http, String customerRef) {
        Http.Response response = http.post("/api/v1/complaints", complaint(customerRef, "delivery"));
        if (response.status() != 201) {
            throw new IllegalStateException(response.body());
        }
        return response.json();
    }

    /**
     * Rows in a table. In the audit log and the timeline only rows written for a person count:
     * the scheduled sweeps (timers, promises, the outbox) write there as Redress itself at any
     * moment, and a test must not see them as its own.
     */
    protected long count(String table) {
        String people = table.equals("audit_log") || table.equals("case_timeline") ? " where actor_id is not null" : "";
        return jdbc.sql("select count(*) from " + table + people).query(Long.class).single();
    }

    protected Map<String, Long> counts(List<String> tables) {
        return tables.stream().collect(java.util.stream.Collectors.toMap(t -> t, this::count));
    }
}
