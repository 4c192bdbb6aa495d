package org.redress.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.redress.ApplicationTest;
import org.redress.Http;
import org.redress.PostgresDatabase;
import org.redress.RawHttp;
import org.redress.shared.ProblemType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.kagkarlsson.scheduler.Scheduler;

import tools.jackson.databind.JsonNode;

/**
 * Reads the OpenAPI document from the running server and drives every operation, as an
 * admin, with malformed and boundary input ({@link FuzzProbes}, seeded). No answer may be a
 * 5xx, every 4xx must be a problem document, and a refused request must write nothing.
 * Runs on a database of its own (its plausible requests change settings other tests rely
 * on), with the sweeps paused so the row counts move only with the requests.
 */
class ApiFuzzTests extends ApplicationTest {

    private static final long SEED = 20_261_201L;
    // A sample per operation keeps the run near a minute; -Dredress.fuzz.per-operation=100000 sends every probe.
    private static final int PER_OPERATION = Integer.getInteger("redress.fuzz.per-operation", 45);
    private static final List<String> NOT_COUNTED = List.of("flyway_schema_history", "scheduled_tasks", "event_publication",
        "event_publication_archive", "signing_keys");
    private static String database;

    @Autowired
    private Scheduler scheduler;

    // The pool's own URL setting overrides the shared database's spring.datasource.url, which
    // ApplicationTest registers and a second registration of the same name cannot replace.
    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.hikari.jdbc-url", ApiFuzzTests::database);
    }

    private static synchronized String database() {
        if (database == null) {
            database = PostgresDatabase.fresh();
        }
        return database;
    }

    @Test
    void everyOperationAnswersMalformedInputWithAProblemDocumentAndARefusalWritesNothing() throws Exception {
        assertThat(jdbc.sql("select current_database()").query(String.class).single()).isEqualTo(database.substring(database.lastIndexOf('/') + 1));
        String token = admin().post("/api/v1/tokens", Map.of("name", "fuzz")).json().get("secret").asString();
        Map<String, String> real = fixtures();
        JsonNode api = Http.anonymous(port).get("/v3/api-docs").json();
        List<FuzzProbes.Probe> probes = new FuzzProbes(api, (path, param) -> realValue(real, path, param), SEED).all(PER_OPERATION);
        List<String> tables = countedTables();
        RawHttp http = RawHttp.bearer(port, token);
        // Business events and inbound messages are posted only by integrations: fuzz them as one,
        // or every probe would be a (rightly audited) refusal and test nothing else.
        RawHttp integration = RawHttp.bearer(port, integrationToken(newIntegration()));
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        scheduler.pause();
        Thread.sleep(1_500);
        long started = System.nanoTime();
        try {
            Map<String, Long> before = settledCounts(tables);
            for (FuzzProbes.Probe probe : probes) {
                RawHttp.Response response;
                try {
                    RawHttp client = integrationsOnly(probe.operation()) ? integration : http;
                    response = client.send(probe.method(), probe.target(), probe.body(), probe.headers().toArray(String[]::new));
                } catch (IOException e) {
                    failures.add(describe(probe) + " → no answer: " + e);
                    before = settledCounts(tables);
                    continue;
                }
                statuses.merge(response.status(), 1, Integer::sum);
                if (response.status() == 401) {
                    failures.add(describe(probe) + " → 401: the fuzz's token no longer works");
                }
                if (response.status() >= 500) {
                    failures.add(describe(probe) + " → " + response.status() + " " + snippet(response.body()));
                } else if (response.status() >= 400 && !response.header("Content-Type").startsWith("application/problem+json")) {
                    failures.add(describe(probe) + " → " + response.status() + " as " + response.header("Content-Type"));
                } else if (response.status() >= 400 && !response.body().contains("\"type\":\"" + ProblemType.BASE)) {
                    failures.add(describe(probe) + " → " + response.status() + " without a stable type: " + snippet(response.body()));
                }
                if (response.status() >= 400) {
                    Map<String, Long> after = counts(tables);
                    if (!after.equals(before)) {
                        failures.add(describe(probe) + " → " + response.status() + " but wrote " + difference(before, after));
                        before = settledCounts(tables);
                    }
                } else {
                    before = settledCounts(tables);
                }
            }
        } finally {
            scheduler.resume();
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000;
        System.out.printf("[fuzz] %d requests to %d operations in %d s (seed %d): %s%n", probes.size(),
            probes.stream().map(FuzzProbes.Probe::operation).distinct().count(), seconds, SEED, statuses);
        assertThat(probes).hasSizeGreaterThanOrEqualTo(3_000);
        assertThat(failures).as(failures.size() + " failures").isEmpty();
        assertThat(admin().get("/api/v1/me").status()).as("the admin can still sign in").isEqualTo(200);
    }

    /** A case (with its customer), an incident, a survey, a remedy and a promise of the fuzz's own, and a user who is not the admin. */
    private Map<String, String> fixtures() {
        Http admin = admin();
        JsonNode opened = open(admin, "FUZZ-" + unique());
        String caseNumber = opened.get("number").asString();
        Map<String, String> real = new java.util.HashMap<>();
        real.put("case", caseNumber);
        real.put("/api/v1/customers/{id}", opened.get("customer").get("id").asString());
        real.put("/api/v1/users/{id}", String.valueOf(member("agent", null).id()));
        real.put("incident", id(admin.post("/api/v1/incidents", Map.of("title", "Fuzz", "whatHappened", "Something broke.",
            "plan", "We fix it.", "fixBy", today().plusDays(3).toString(), "category", "delivery"))));
        real.put("/api/v1/surveys/{id}", id(admin.post("/api/v1/surveys", Map.of("name", "Fuzz " + unique(), "kind", "CSAT",
            "question", "How was it?", "triggerEvents", List.of("DELIVERED"), "active", false))));
        real.put("/api/v1/remedies/{id}", id(admin.post("/api/v1/cases/" + caseNumber + "/remedies", Map.of("type", "refund",
            "amount", "10.00", "description", "Sorry."))));
        real.put("/api/v1/promises/{id}", id(admin.post("/api/v1/cases/" + caseNumber + "/promises", Map.of("description",
            "Call back", "dueAt", java.time.Instant.now().plusSeconds(86_400).toString()))));
        return real;
    }

    private static boolean integrationsOnly(String operation) {
        return operation.contains("/api/v1/events") || operation.contains("/api/v1/inbound/");
    }

    private static String id(Http.Response created) {
        if (created.status() >= 300 || !created.json().has("id")) {
            throw new IllegalStateException("fixture not created: " + created.status() + " " + created.body());
        }
        return created.json().get("id").asString();
    }

    /** The value of a path parameter that exists: the fuzz's own, or the first in the collection above it. */
    private String realValue(Map<String, String> real, String path, String param) {
        String collection = path.substring(0, path.indexOf("/{" + param + "}"));
        String known = real.getOrDefault(collection + "/{" + param + "}", real.get(param));
        if (known != null) {
            return known;
        }
        if (param.equals("kind")) {
            return "categories";
        }
        if (param.equals("code")) {
            return "fuzz-" + SEED;
        }
        if (param.equals("purpose")) {
            return "ACKNOWLEDGE";
        }
        if (!collection.contains("{")) {
            JsonNode list = admin().get(collection).json();
            JsonNode first = list.isArray() ? list.path(0) : list.path("items").path(0);
            if (first.has("id")) {
                return first.get("id").asString();
            }
        }
        return "1";
    }

    private List<String> countedTables() {
        return jdbc.sql("select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'")
            .query(String.class).list().stream().filter(table -> !NOT_COUNTED.contains(table)).sorted().toList();
    }

    @Override
    protected Map<String, Long> counts(List<String> tables) {
        String sql = tables.stream().map(table -> "(select count(*) from " + table
                + (table.equals("audit_log") || table.equals("case_timeline") ? " where actor_id is not null" : "") + ") as " + table)
            .collect(Collectors.joining(", ", "select ", ""));
        Map<String, Object> row = jdbc.sql(sql).query().singleRow();
        Map<String, Long> counts = new TreeMap<>();
        row.forEach((table, count) -> counts.put(table, ((Number) count).longValue()));
        return counts;
    }

    /** Counts once what an accepted request set off after answering (listeners after commit) has finished. */
    private Map<String, Long> settledCounts(List<String> tables) throws InterruptedException {
        Map<String, Long> previous = counts(tables);
        for (int i = 0; i < 30; i++) {
            Thread.sleep(100);
            Map<String, Long> now = counts(tables);
            if (now.equals(previous)) {
                return now;
            }
            previous = now;
        }
        return previous;
    }

    private static String difference(Map<String, Long> before, Map<String, Long> after) {
        return after.entrySet().stream().filter(entry -> !entry.getValue().equals(before.get(entry.getKey())))
            .map(entry -> entry.getKey() + " " + before.get(entry.getKey()) + "→" + entry.getValue())
            .collect(Collectors.joining(", "));
    }

    private static String describe(FuzzProbes.Probe probe) {
        String target = probe.target().length() > 120 ? probe.target().substring(0, 120) + "…" : probe.target();
        return probe.operation() + " [" + probe.variant() + "] " + probe.method() + " " + target;
    }

    private static String snippet(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
