package org.redress.communications;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.redress.Http;
import org.redress.PostgresDatabase;
import org.springframework.context.ConfigurableApplicationContext;

import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;

/** Social channels: a mention opens a case; in public only an acknowledgement with an invitation goes out. */
class SocialTests {

    @Test
    void aPublicApologyWithDetailsIsRefusedWhileTheAcknowledgementIsPostedThroughTheConnector() throws Exception {
        List<String> posted = new CopyOnWriteArrayList<>();
        HttpServer network = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        network.createContext("/posts", exchange -> {
            posted.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        network.start();
        String url = PostgresDatabase.fresh();
        try (ConfigurableApplicationContext node = OutboxMailTests.node(url, false,
                "--redress.social.webhook-url=http://127.0.0.1:" + network.getAddress().getPort() + "/posts")) {
            Http admin = OutboxMailTests.admin(node);
            JsonNode opened = org.redress.Nodes.integration(node).post("/api/v1/inbound/social", Map.of("network", "x", "handle", "@maria", "name", "Maria",
                "text", "My order 991 never arrived and nobody answers!", "url", "https://x.example/maria/1", "isPublic", true,
                "postId", "1")).json();
            assertThat(opened.get("result").asString()).isEqualTo("OPENED");
            String c = "/api/v1/cases/" + opened.get("caseNumber").asString();
            assertThat(admin.get(c).json().get("channel").asString()).isEqualTo("social");
            long outboxBefore = count(admin, c);

            Http.Response apology = admin.post(c + "/social-replies", Map.of("purpose", "APOLOGY", "isPublic", true,
                "text", "We are sorry, order 991 was lost by the courier; we will refund 49.90 EUR."));
            Http.Response noInvitation = admin.post(c + "/social-replies", Map.of("purpose", "ACKNOWLEDGEMENT", "isPublic", true,
                "text", "We are sorry to read this."));
            Http.Response labelledAcknowledgement = admin.post(c + "/social-replies", Map.of("purpose", "ACKNOWLEDGEMENT",
                "isPublic", true, "text", "Sorry Maria, the courier lost it because of a strike; we will refund 49.90 EUR by "
                    + "Friday. Please send us a direct message."));
            Http.Response unlabelled = admin.post(c + "/social-replies", Map.of("isPublic", true,
                "text", "Sorry Maria, it was late due to the storm. Please send us a direct message."));
            JsonNode acknowledged = admin.post(c + "/social-replies", Map.of("purpose", "ACKNOWLEDGEMENT", "isPublic", true,
                "text", "We are sorry to read this, Maria. Please send us a direct message and we will sort it out.")).json();
            Http.Response inPrivate = admin.post(c + "/social-replies", Map.of("purpose", "APOLOGY", "isPublic", false,
                "text", "I am sorry, Maria: the courier lost order 991. I will refund 49.90 EUR today."));

            assertThat(apology.status()).isEqualTo(400);
            assertThat(apology.body()).contains("in public (isPublic: true, the default) post only an acknowledgement");
            assertThat(labelledAcknowledgement.status()).isEqualTo(400);
            assertThat(labelledAcknowledgement.body()).contains("it names an amount", "it offers or names a remedy",
                "it explains the cause", "it names a date or time");
            assertThat(unlabelled.status()).isEqualTo(400);
            assertThat(unlabelled.body()).contains("it explains the cause");
            assertThat(noInvitation.status()).isEqualTo(400);
            assertThat(noInvitation.body()).contains("invite the customer to continue privately");
            assertThat(acknowledged.get("messageId").asString()).isNotBlank();
            assertThat(inPrivate.status()).isEqualTo(202);
            assertThat(count(admin, c)).isEqualTo(outboxBefore + 2);

            Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
            while (Instant.now().isBefore(deadline) && posted.size() < 2) {
                Thread.sleep(200);
            }
            assertThat(posted).hasSize(2);
            assertThat(posted).anySatisfy(post -> assertThat(post).contains("\"public\":true").contains("direct message")
                .contains("\"handle\":\"@maria\""));
            assertThat(posted).anySatisfy(post -> assertThat(post).contains("\"public\":false").contains("refund 49.90 EUR"));
        } finally {
            network.stop(0);
        }
    }

    private static long count(Http admin, String casePath) {
        return admin.get(casePath + "/outbox").json().size();
    }
}
