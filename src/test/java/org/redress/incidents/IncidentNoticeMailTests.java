package org.redress.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redress.Http;
import org.redress.Nodes;
import org.redress.PostgresDatabase;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.internet.MimeMessage;

import tools.jackson.databind.JsonNode;

/** Incident notices reach a real mail server (GreenMail) once each, across a restart and a second request. */
class IncidentNoticeMailTests {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP);

    @Test
    void noticesQueuedByANodeThatStoppedAreSentOnceAndNeverQueuedAgain() throws Exception {
        String url = PostgresDatabase.fresh();
        String incident;
        // The first node has no mail server: it queues the notices and stops before anything is sent.
        try (ConfigurableApplicationContext first = node(url, false)) {
            Http admin = admin(first);
            incident = admin.post("/api/v1/incidents", IncidentTests.declaration("Depot fire")).json().get("number").asString();
            admin.with("Content-Type", "text/csv").post("/api/v1/incidents/" + incident + "/customers/csv",
                "customerRef,email,name\nM1,m1@example.com,Marta\nM2,m2@example.com,Mario\nM3,m3@example.com,Mia\n");
            admin.post("/api/v1/incidents/" + incident + "/notify", Map.of());
            awaitNotified(admin, incident, 3);
        }
        try (ConfigurableApplicationContext second = node(url, true)) {
            Http admin = admin(second);
            admin.post("/api/v1/incidents/" + incident + "/notify", Map.of());
            MAIL.waitForIncomingEmail(30_000, 3);
            Thread.sleep(4_000);

            MimeMessage[] received = MAIL.getReceivedMessages();
            assertThat(Arrays.stream(received).map(IncidentNoticeMailTests::to).toList())
                .containsExactlyInAnyOrder("m1@example.com", "m2@example.com", "m3@example.com");
            assertThat(received[0].getSubject()).startsWith("Depot fire");
            assertThat(second.getBean(JdbcClient.class).sql("select count(*) from outbox").query(Long.class).single()).isEqualTo(3);
            JsonNode counts = admin.get("/api/v1/incidents/" + incident).json().get("counts");
            assertThat(counts.get("notified").asInt()).isEqualTo(3);
            assertThat(counts.get("sent").asInt()).isEqualTo(3);
            assertThat(counts.get("queued").asInt()).isZero();
        }
    }

    @Test
    void customersAddedAfterNotifyingAreNotifiedToo() throws Exception {
        String url = PostgresDatabase.fresh();
        try (ConfigurableApplicationContext node = node(url, true)) {
            Http admin = admin(node);
            String incident = admin.post("/api/v1/incidents", IncidentTests.declaration("Card payments down")).json()
                .get("number").asString();
            admin.post("/api/v1/incidents/" + incident + "/customers", Map.of("customers", List.of(Map.of("email", "early@example.com"))));
            admin.post("/api/v1/incidents/" + incident + "/notify", Map.of());
            awaitNotified(admin, incident, 1);

            admin.post("/api/v1/incidents/" + incident + "/customers", Map.of("customers", List.of(
                Map.of("email", "early@example.com"), Map.of("email", "late@example.com"))));

            awaitNotified(admin, incident, 2);
            MAIL.waitForIncomingEmail(30_000, 2);
            Thread.sleep(2_000);
            assertThat(Arrays.stream(MAIL.getReceivedMessages()).map(IncidentNoticeMailTests::to).toList())
                .containsExactlyInAnyOrder("early@example.com", "late@example.com");
        }
    }

    private static void awaitNotified(Http admin, String incident, int expected) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(40));
        int notified = 0;
        while (notified < expected && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            notified = admin.get("/api/v1/incidents/" + incident).json().get("counts").get("notified").asInt();
        }
        assertThat(notified).isEqualTo(expected);
    }

    private static ConfigurableApplicationContext node(String url, boolean withMail) {
        return Nodes.start(url, withMail);
    }

    private static Http admin(ConfigurableApplicationContext node) {
        return Nodes.admin(node);
    }

    private static String to(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
