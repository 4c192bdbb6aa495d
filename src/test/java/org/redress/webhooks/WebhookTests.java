package org.redress.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.Http;
import org.redress.MovableClock;
import org.redress.Nodes;
import org.redress.PostgresDatabase;
import org.springframework.context.ConfigurableApplicationContext;

import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks against a real HTTP receiver started here: signed deliveries, a receiver that is down
 * for a while (retries with back-off, a case's events held in order), secret rotation, a
 * delivery given up and replayed; and two nodes posting each message once.
 */
class WebhookTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One request the receiver got. */
    record Received(String id, String timestamp, String signature, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private final List<Received> received = new ArrayList<>();
    private volatile int answer = 204;
    private HttpServer receiver;

    @BeforeEach
    void receiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = answer;
            if (status < 300) {
                synchronized (received) {
                    received.add(new Received(exchange.getRequestHeaders().getFirst("webhook-id"),
                        exchange.getRequestHeaders().getFirst("webhook-timestamp"), exchange.getRequestHeaders().getFirst("webhook-signature"),
                        body));
                }
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    private String hooks() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";
    }

    @Test
    void onPostgres() {
        deliveriesAreSignedRetriedInOrderRotatedGivenUpAndReplayed(PostgresDatabase.fresh());
    }

    @Test
    void onH2() {
        deliveriesAreSignedRetriedInOrderRotatedGivenUpAndReplayed("jdbc:h2:mem:webhooks-" + UUID.randomUUID().toString().substring(0, 8)
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }

    private void deliveriesAreSignedRetriedInOrderRotatedGivenUpAndReplayed(String url) {
        MovableClock clock = new MovableClock();
        try (ConfigurableApplicationContext node = Nodes.start(url, false, clock)) {
            Http admin = Nodes.admin(node);
            Http.Response refused = admin.post("/api/v1/webhooks/endpoints", Map.of("url", "ftp://crm.example.com",
                "eventTypes", List.of("case.exploded")));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
                .containsExactly("url", "eventTypes");
            assertThat(admin.get("/api/v1/webhooks/endpoints").json().size()).as("nothing half-written").isZero();
            JsonNode endpoint = admin.post("/api/v1/webhooks/endpoints", Map.of("url", hooks(), "description", "CRM",
                "eventTypes", List.of("case.opened", "case.step-recorded"))).json();
            String secret = endpoint.get("secret").asString();
            assertThat(secret).startsWith("whsec_");

            String first = open(admin, "WH-1");
            Received opened = waitFor(() -> ofType("case.opened").stream().findFirst().orElse(null));
            assertThat(verifies(opened, secret)).isTrue();
            assertThat(opened.json().get("data").get("caseNumber").asString()).isEqualTo(first);
            assertThat(opened.id()).startsWith("msg_");
            assertThat(Math.abs(Long.parseLong(opened.timestamp()) - clock.instant().getEpochSecond())).isLessThan(60);

            answer = 503;
            admin.post("/api/v1/cases/" + first + "/acknowledge", Map.of("message", "We are on it."));
            admin.post("/api/v1/cases/" + first + "/listen", Map.of("account", "Two weeks late."));
            JsonNode failing = waitFor(() -> log(admin).stream()
                .filter(d -> d.get("attempts").asInt() == 1 && d.get("state").asString().equals("PENDING")).findFirst().orElse(null));
            assertThat(failing.get("lastStatus").asInt()).isEqualTo(503);
            assertThat(failing.get("state").asString()).isEqualTo("PENDING");
            List<JsonNode> steps = log(admin).stream().filter(d -> d.get("eventType").asString().equals("case.step-recorded")).toList();
            assertThat(steps).hasSize(2);
            assertThat(steps.get(1).get("attempts").asInt()).as("the later step waits behind the earlier one").isZero();

            answer = 204;
            clock.advance(Duration.ofSeconds(6));
            waitFor(() -> ofType("case.step-recorded").size() == 2 ? true : null);
            assertThat(ofType("case.step-recorded").stream().map(r -> r.json().get("data").get("step").asString()).toList())
                .containsExactly("ACKNOWLEDGE", "LISTEN");

            String rotated = admin.post("/api/v1/webhooks/endpoints/" + endpoint.get("id").asLong() + "/rotate-secret", Map.of()).json()
                .get("secret").asString();
            String second = open(admin, "WH-2");
            Received signedTwice = waitFor(() -> ofType("case.opened").stream()
                .filter(r -> r.json().get("data").get("caseNumber").asString().equals(second)).findFirst().orElse(null));
            assertThat(signedTwice.signature().split(" ")).hasSize(2);
            assertThat(verifies(signedTwice, rotated)).isTrue();
            assertThat(verifies(signedTwice, secret)).as("the previous secret still signs for a day").isTrue();

            answer = 500;
            String third = open(admin, "WH-3");
            for (int retry = 0; retry < WebhookSender.RETRIES.size(); retry++) {
                int attempts = retry + 1;
                waitFor(() -> delivery(admin, third).get("attempts").asInt() == attempts ? true : null);
                clock.advance(WebhookSender.RETRIES.get(retry).plusSeconds(1));
            }
            JsonNode givenUp = waitFor(() -> delivery(admin, third).get("state").asString().equals("FAILED") ? delivery(admin, third) : null);
            assertThat(givenUp.get("attempts").asInt()).isEqualTo(8);
            assertThat(admin.get("/api/v1/alerts").json().get("items").valueStream().map(a -> a.get("kind").asString()).toList())
                .contains("webhook.failed");

            answer = 204;
            Http.Response replayed = admin.post("/api/v1/webhooks/deliveries/" + givenUp.get("id").asLong() + "/replay", Map.of());
            assertThat(replayed.status()).as(replayed.body()).isEqualTo(201);
            Received again = waitFor(() -> ofType("case.opened").stream()
                .filter(r -> r.json().get("data").get("caseNumber").asString().equals(third)).findFirst().orElse(null));
            assertThat(again.id()).isEqualTo(givenUp.get("messageId").asString());
            assertThat(admin.get("/api/v1/audit?subject=webhook:" + endpoint.get("id").asLong()).json().get("items").valueStream()
                .map(e -> e.get("action").asString()).toList())
                .contains("webhook.endpoint-added", "webhook.secret-rotated", "webhook.replayed");
        }
    }

    @Test
    void twoNodesPostEachMessageOnce() {
        String url = PostgresDatabase.fresh();
        try (ConfigurableApplicationContext one = Nodes.start(url, false); ConfigurableApplicationContext two = Nodes.start(url, false)) {
            Http first = Nodes.admin(one);
            Http second = Nodes.admin(two);
            first.post("/api/v1/webhooks/endpoints", Map.of("url", hooks(), "eventTypes", List.of("*")));
            for (int i = 0; i < 10; i++) {
                open(i % 2 == 0 ? first : second, "TN-" + i);
            }
            waitFor(() -> ofType("case.opened").size() >= 10 ? true : null);
            sleep(Duration.ofSeconds(4));
            List<String> ids;
            synchronized (received) {
                ids = received.stream().map(Received::id).toList();
            }
            assertThat(ids).doesNotHaveDuplicates();
            assertThat(ofType("case.opened")).hasSize(10);
        }
    }

    private List<Received> ofType(String type) {
        synchronized (received) {
            return received.stream().filter(r -> r.json().get("type").asString().equals(type)).toList();
        }
    }

    private static List<JsonNode> log(Http admin) {
        // The log is newest first; oldest first reads in the order things happened.
        return admin.get("/api/v1/webhooks/deliveries").json().get("items").valueStream()
            .sorted(java.util.Comparator.comparingLong(d -> d.get("id").asLong())).toList();
    }

    private static JsonNode delivery(Http admin, String caseNumber) {
        return log(admin).stream().filter(d -> caseNumber.equals(d.get("caseNumber").asString())).findFirst().orElseThrow();
    }

    private static String open(Http admin, String ref) {
        return admin.post("/api/v1/complaints", Map.of("customer", Map.of("externalRef", ref + "-" + UUID.randomUUID(), "name", "Ada"),
            "channel", "email", "category", "delivery", "severity", 2, "subject", "Late", "message", "Two weeks late.")).json()
            .get("number").asString();
    }

    // A receiver verifies as the Standard Webhooks libraries do: one of the signatures is HMAC-SHA256 of id.timestamp.body.
    private static boolean verifies(Received request, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal((request.id() + "." + request.timestamp() + "."
                + request.body()).getBytes(StandardCharsets.UTF_8)));
            return List.of(request.signature().split(" ")).contains(expected);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // The sender runs every second on the scheduler's own time; wait for what it should do, at most 20 s.
    private static <T> T waitFor(Supplier<T> outcome) {
        Instant end = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(end)) {
            T value = outcome.get();
            if (value != null) {
                return value;
            }
            sleep(Duration.ofMillis(200));
        }
        throw new AssertionError("not within 20 s");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
