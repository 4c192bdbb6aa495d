package org.redress.communications;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.redress.Http;
import org.redress.Nodes;
import org.redress.PostgresDatabase;
import org.springframework.context.ConfigurableApplicationContext;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import tools.jackson.databind.JsonNode;

/**
 * A configured mail server that does not answer is never silent: admins get one alert and a
 * banner, counts say "queued" and then "failed", and when the server is back they are told
 * and mail goes out again.
 */
class MailServerDownTests {

    @Test
    void anOutageIsAlertedOnceShownToAdminsAndItsEndToo() throws Exception {
        int port = freePort();
        try (ConfigurableApplicationContext node = Nodes.start(PostgresDatabase.fresh(), false,
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + port,
                "--redress.mail.first-retry=1s", "--redress.mail.max-attempts=3")) {
            Http admin = Nodes.admin(node);
            String first = openCase(admin, "down-1@example.com");
            admin.post("/api/v1/cases/" + first + "/replies", Map.of("subject", "First", "text", "Hello, first."));
            String second = openCase(admin, "down-2@example.com");
            admin.post("/api/v1/cases/" + second + "/replies", Map.of("subject", "Second", "text", "Hello, second."));

            JsonNode failing = await(() -> admin.get("/api/v1/mail").json(), mail -> !mail.get("failingSince").isNull(),
                "the outage to be recorded");
            assertThat(failing.get("route").asString()).isEqualTo("SERVER");
            assertThat(failing.get("lastError").asString()).isNotBlank();
            assertThat(failing.get("counts").get("queued").asLong()).isEqualTo(2);

            Http console = signedIn(node);
            assertThat(console.html("/admin/notices").body()).contains("Email is not going out")
                .contains("127.0.0.1:" + port).contains("2 messages to customers wait");

            // Three attempts each, then the messages fail for good; still one alert for the outage.
            JsonNode failed = await(() -> admin.get("/api/v1/mail").json(), mail -> mail.get("counts").get("failed").asLong() == 2,
                "both messages to fail");
            assertThat(failed.get("counts").get("queued").asLong()).isZero();
            assertThat(alerts(admin, "mail.unreachable")).hasSize(1)
                .allSatisfy(alert -> assertThat(alert.get("text").asString()).contains("127.0.0.1:" + port));

            GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
            try {
                admin.post("/api/v1/cases/" + first + "/replies", Map.of("subject", "Third", "text", "Hello again."));
                await(() -> admin.get("/api/v1/mail").json(), mail -> mail.get("failingSince").isNull()
                    && mail.get("counts").get("sent").asLong() == 1, "mail to go out again");
                assertThat(server.getReceivedMessages()).hasSize(1);
                assertThat(alerts(admin, "mail.recovered")).hasSize(1);
                assertThat(console.html("/admin/notices").body()).doesNotContain("Email is not going out");
            } finally {
                server.stop();
            }
        }
    }

    private static Http signedIn(ConfigurableApplicationContext node) {
        int port = Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
        Http.Response signIn = Http.anonymous(port).postFormWithCsrf("/login", "/login",
            Map.of("username", "admin@nodes.test", "password", "admin-password-1"));
        assertThat(signIn.status()).isEqualTo(302);
        return Http.anonymous(port).with("Cookie", signIn.header("Set-Cookie").split(";", 2)[0]);
    }

    private static List<JsonNode> alerts(Http admin, String kind) {
        return admin.get("/api/v1/alerts?limit=200").json().get("items").valueStream()
            .filter(alert -> alert.get("kind").asString().equals(kind)).toList();
    }

    private static String openCase(Http admin, String email) {
        Http.Response opened = admin.post("/api/v1/complaints", Map.of(
            "customer", Map.of("email", email, "name", "Customer " + email),
            "channel", "email", "category", "delivery", "severity", 2,
            "subject", "Parcel arrived broken", "message", "The vase is in pieces."));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        return opened.json().get("number").asString();
    }

    private static JsonNode await(Supplier<JsonNode> read, java.util.function.Predicate<JsonNode> done, String what)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(40));
        JsonNode last = read.get();
        while (!done.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Waited for " + what + ": " + last);
            }
            Thread.sleep(200);
            last = read.get();
        }
        return last;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
