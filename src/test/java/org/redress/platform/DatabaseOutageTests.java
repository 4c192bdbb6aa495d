package org.redress.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.DatabaseProxy;
import org.redress.Http;
import org.redress.Nodes;
import org.redress.PostgresDatabase;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;

/**
 * A node whose database goes away: refused connections, then silently dropped packets,
 * then a connection lost at COMMIT, then a shutdown in the middle of an outage. Requests
 * must fail fast and say so, health must say DOWN, and the node must come back by itself.
 * The times printed here are the figures in docs/reliability.md.
 */
class DatabaseOutageTests {

    private static final long FAST_MILLIS = 5_000;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final List<String> storedRefs = new ArrayList<>();
    private String database;
    private DatabaseProxy proxy;
    private ConfigurableApplicationContext node;
    private int port;
    private String token;
    private String session;

    @BeforeEach
    void startNodeBehindProxy() {
        database = PostgresDatabase.fresh();
        proxy = DatabaseProxy.toPostgres();
        // prepareThreshold=0: statements always travel as text, so the proxy can spot a COMMIT.
        node = Nodes.start(proxy.through(database) + "?prepareThreshold=0", false);
        port = Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
        token = Nodes.admin(node).post("/api/v1/tokens", Map.of("name", "outage")).json().get("secret").asString();
        session = signIn();
    }

    @AfterEach
    void stop() {
        if (node != null && node.isActive()) {
            proxy.forward();
            node.close();
        }
        proxy.close();
    }

    @Test
    void refusedConnectionsFailFastAndTheNodeRecoversByItself() throws Exception {
        complaints(5);

        proxy.refuse();

        assertRefusedFast("refused");
        assertHealthDownFast("refused");
        recoversAfter("refused");
        assertEveryAcceptedComplaintIsStored();
    }

    @Test
    void silentlyDroppedPacketsFailFastAndTheNodeRecoversByItself() throws Exception {
        complaints(5);

        proxy.blackHole();

        assertRefusedFast("black hole");
        assertHealthDownFast("black hole");
        recoversAfter("black hole");
        assertEveryAcceptedComplaintIsStored();
    }

    @Test
    void aConnectionLostAtCommitIsReportedAsUnknownWhetherOrNotTheCommitArrived() throws Exception {
        complaints(2);
        pauseSweeps();

        for (boolean delivered : List.of(true, false)) {
            String ref = "LOST-" + delivered + "-" + System.nanoTime();
            proxy.blackHoleAtCommit("insert into recovery_cases", delivered);

            long started = System.nanoTime();
            Response answer = send("POST", "/api/v1/complaints", complaintJson(ref), "application/json");
            long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("[outage] connection lost at COMMIT (commit %s): %d %s in %d ms%n",
                delivered ? "delivered" : "lost", answer.status(), answer.json().path("outcome").asString(), millis);

            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.retryAfter()).isNotBlank();
            assertThat(answer.json().get("outcome").asString()).isEqualTo("unknown");
            assertThat(answer.json().get("detail").asString()).contains("cannot tell whether").doesNotContain("nothing was changed");
            assertThat(millis).isLessThan(FAST_MILLIS);
            proxy.forward();
            assertThat(storedCases(ref)).isEqualTo(delivered ? 1 : 0);
        }
        assertEveryAcceptedComplaintIsStored();
    }

    // Complaints posted together share a transaction (ADR 18): a commit lost under several of
    // them leaves each unknown, and none may be written a second time.
    @Test
    void complaintsSharingALostCommitAreEachUnknownAndNeverWrittenTwice() throws Exception {
        complaints(2);
        pauseSweeps();

        for (boolean delivered : List.of(true, false)) {
            proxy.blackHoleAtCommit("insert into recovery_cases", delivered);
            List<String> refs = new ArrayList<>();
            List<CompletableFuture<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String ref = "TOGETHER-" + delivered + "-" + i + "-" + System.nanoTime();
                refs.add(ref);
                answers.add(CompletableFuture.supplyAsync(() -> send("POST", "/api/v1/complaints", complaintJson(ref),
                    "application/json")));
            }
            int unknown = 0;
            List<String> outcomes = new ArrayList<>();
            for (CompletableFuture<Response> answer : answers) {
                Response done = answer.get();
                outcomes.add(done.status() + " " + done.json().path("outcome").asString());
            }
            proxy.forward();
            System.out.printf("[outage] 8 complaints at once, a commit lost (%s): %s%n",
                delivered ? "delivered" : "lost", outcomes);
            for (int i = 0; i < refs.size(); i++) {
                String outcome = outcomes.get(i);
                long messages = storedMessages(refs.get(i));
                if (outcome.startsWith("201")) {
                    assertThat(messages).as(outcome).isEqualTo(1);
                    storedRefs.add(refs.get(i));
                } else if (outcome.equals("503 unknown")) {
                    unknown++;
                    assertThat(messages).as(outcome).isEqualTo(delivered ? 1 : 0);
                } else {
                    assertThat(outcome).isEqualTo("503 not-applied");
                    assertThat(messages).as(outcome).isZero();
                }
            }
            assertThat(unknown).isPositive();
        }
        assertEveryAcceptedComplaintIsStored();
    }

    @Test
    void aNodeShutsDownWithinItsLimitDuringAnOutage() throws Exception {
        complaints(2);
        proxy.blackHole();
        List<CompletableFuture<Response>> inFlight = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            inFlight.add(CompletableFuture.supplyAsync(() -> send("POST", "/api/v1/complaints",
                complaintJson("INFLIGHT-" + System.nanoTime()), "application/json")));
        }
        Thread.sleep(500);

        long started = System.nanoTime();
        node.close();
        long millis = (System.nanoTime() - started) / 1_000_000;

        System.out.printf("[outage] shutdown during a black hole, 3 requests in flight: %d ms%n", millis);
        assertThat(millis).isLessThan(20_000);
        for (CompletableFuture<Response> request : inFlight) {
            Response answer = request.get();
            assertThat(answer.status()).isIn(503, -1);
        }
    }

    private void assertRefusedFast(String what) {
        long started = System.nanoTime();
        Response answer = send("POST", "/api/v1/complaints", complaintJson("DOWN-" + System.nanoTime()), "application/json");
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("[outage] %s: complaint answered %d in %d ms (%s)%n", what, answer.status(), millis,
            answer.json().path("detail").asString());
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.retryAfter()).isNotBlank();
        assertThat(answer.json().get("outcome").asString()).isEqualTo("not-applied");
        assertThat(millis).isLessThan(FAST_MILLIS);

        started = System.nanoTime();
        Response basic = exchange(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/me"))
            .timeout(Duration.ofSeconds(40)).header("Accept", "application/json").header("Authorization", "Basic "
                + java.util.Base64.getEncoder().encodeToString("admin@nodes.test:admin-password-1".getBytes())).GET());
        millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("[outage] %s: HTTP Basic sign-in answered %d in %d ms%n", what, basic.status(), millis);
        assertThat(basic.status()).as("credentials that cannot be checked are not wrong").isEqualTo(503);
        assertThat(millis).isLessThan(FAST_MILLIS);

        started = System.nanoTime();
        Response page = sendAcceptingHtml("/cases");
        millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("[outage] %s: console page answered %d in %d ms%n", what, page.status(), millis);
        assertThat(page.status()).isEqualTo(503);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("cannot reach its database");
        assertThat(millis).isLessThan(FAST_MILLIS);
    }

    private void assertHealthDownFast(String what) {
        long started = System.nanoTime();
        Response health = send("GET", "/actuator/health", null, null);
        long millis = (System.nanoTime() - started) / 1_000_000;
        Response readiness = send("GET", "/actuator/health/readiness", null, null);
        Response liveness = send("GET", "/actuator/health/liveness", null, null);
        System.out.printf("[outage] %s: health %d %s in %d ms; readiness %d; liveness %d%n", what, health.status(),
            health.json().path("status").asString(), millis, readiness.status(), liveness.status());
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.json().get("status").asString()).isEqualTo("DOWN");
        assertThat(millis).isLessThan(FAST_MILLIS);
        assertThat(readiness.status()).isEqualTo(503);
        assertThat(liveness.status()).isEqualTo(200);
    }

    private void recoversAfter(String what) throws InterruptedException {
        proxy.forward();
        long started = System.nanoTime();
        long deadline = started + Duration.ofSeconds(60).toNanos();
        Response answer;
        do {
            String ref = "BACK-" + System.nanoTime();
            answer = send("POST", "/api/v1/complaints", complaintJson(ref), "application/json");
            if (answer.status() == 201) {
                storedRefs.add(ref);
                break;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("[outage] %s: back to 201 %d ms after the database returned%n", what, millis);
        assertThat(answer.status()).isEqualTo(201);
        assertThat(send("GET", "/actuator/health/readiness", null, null).status()).isEqualTo(200);
    }

    private void complaints(int count) {
        for (int i = 0; i < count; i++) {
            String ref = "UP-" + i + "-" + System.nanoTime();
            Response answer = send("POST", "/api/v1/complaints", complaintJson(ref), "application/json");
            assertThat(answer.status()).as(answer.body()).isEqualTo(201);
            storedRefs.add(ref);
        }
    }

    private void assertEveryAcceptedComplaintIsStored() throws SQLException {
        for (String ref : storedRefs) {
            assertThat(storedCases(ref)).as(ref).isEqualTo(1);
        }
    }

    private int storedCases(String ref) throws SQLException {
        return (int) countOf(ref, "select count(*) from recovery_cases r join customers c on c.id = r.customer_id"
            + " where c.external_ref = ?");
    }

    /** The customer's messages in every case: a complaint written twice would show two. */
    private long storedMessages(String ref) throws SQLException {
        return countOf(ref, "select count(*) from case_messages m join recovery_cases r on r.id = m.case_id"
            + " join customers c on c.id = r.customer_id where c.external_ref = ?");
    }

    private long countOf(String ref, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database, PostgresDatabase.user(), PostgresDatabase.password());
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, ref);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private void pauseSweeps() throws InterruptedException {
        node.getBean(com.github.kagkarlsson.scheduler.Scheduler.class).pause();
        Thread.sleep(1_500);
    }

    private static String complaintJson(String ref) {
        return Http.JSON.writeValueAsString(Map.of(
            "customer", Map.of("externalRef", ref, "name", "Maria Lopez"),
            "channel", "email", "category", "delivery", "severity", 2,
            "subject", "Parcel arrived broken", "message", "The box was crushed."));
    }

    private record Response(int status, String contentType, String retryAfter, String body) {

        JsonNode json() {
            return body.isBlank() || !body.startsWith("{") ? Http.JSON.createObjectNode() : Http.JSON.readTree(body);
        }
    }

    private Response send(String method, String path, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(40)).header("Accept", "application/json")
            .header("Authorization", "Bearer " + token)
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return exchange(request);
    }

    private Response sendAcceptingHtml(String path) {
        return exchange(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(40)).header("Accept", "text/html").header("Cookie", session).GET());
    }

    /** Signs in to the console as a browser does, for its session cookie. */
    private String signIn() {
        HttpResponse<String> page = exchangeRaw(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).GET());
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> signedIn = exchangeRaw(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
            .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("username=admin%40nodes.test&password=admin-password-1&_csrf="
                + java.net.URLEncoder.encode(csrf.group(1), java.nio.charset.StandardCharsets.UTF_8))));
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return signedIn.headers().firstValue("Set-Cookie").map(value -> value.split(";", 2)[0]).orElse(cookie);
    }

    private static HttpResponse<String> exchangeRaw(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Response exchange(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("Retry-After").orElse(""), response.body());
        } catch (IOException e) {
            return new Response(-1, "", "", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
