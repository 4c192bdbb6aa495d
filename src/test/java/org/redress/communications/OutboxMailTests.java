package org.redress.communications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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

/** Replies reach a real mail server (GreenMail) once: through outages, restarts and two nodes. */
class OutboxMailTests {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP_IMAP);

    @Test
    void aReplyReachesTheCustomerWithItsHeadersAndItsDeliveryIsShownOnTheCase() throws Exception {
        String url = PostgresDatabase.fresh();
        try (ConfigurableApplicationContext node = node(url, true)) {
            Http admin = admin(node);
            String number = openCase(admin, "maria@example.com");
            JsonNode queued = admin.post("/api/v1/cases/" + number + "/replies", Map.of("purpose", "APOLOGY",
                "subject", "We are sorry (" + number + ")", "text", "Dear Maria, I am sorry about the vase. I will call you tomorrow."))
                .json();

            MimeMessage received = awaitOne("maria@example.com", "We are sorry");
            assertThat(received.getMessageID()).isEqualTo(queued.get("messageId").asString());
            assertThat(received.getFrom()[0].toString()).isEqualTo("care@redress.local");
            String body = com.icegreen.greenmail.util.GreenMailUtil.getBody(received);
            assertThat(body).contains("I am sorry about the vase").contains("text/plain").contains("text/html");
            assertThat(queued.get("findings").isEmpty()).isTrue();
            awaitState(admin, number, "SENT");
            assertThat(admin.get("/api/v1/cases/" + number + "/timeline").json().valueStream()
                .map(e -> e.get("kind").asString())).contains("message.sent");
        }
    }

    @Test
    void theCustomersReplyInTheMailboxJoinsTheCaseAndAnAutoReplyDoesNot() throws Exception {
        com.icegreen.greenmail.user.GreenMailUser care = MAIL.setUser("care@redress.local", "care", "care-secret");
        String url = PostgresDatabase.fresh();
        try (ConfigurableApplicationContext node = node(url, true, "--redress.mail.imap.host=127.0.0.1",
                "--redress.mail.imap.port=" + ServerSetupTest.IMAP.getPort(), "--redress.mail.imap.ssl=false",
                "--redress.mail.imap.username=care", "--redress.mail.imap.password=care-secret")) {
            Http admin = admin(node);
            String number = openCase(admin, "lena@example.com");
            String ours = admin.post("/api/v1/cases/" + number + "/replies", Map.of("subject", "Which colour?",
                "text", "Hello Lena, which colour would you like? I will send it tomorrow.")).json().get("messageId").asString();
            long casesBefore = node.getBean(JdbcClient.class).sql("select count(*) from recovery_cases").query(Long.class).single();

            care.deliver(message("lena@example.com", "Re: Which colour?", "Blue, please.", ours, null));
            care.deliver(message("lena@example.com", "Out of office", "Away until Monday.", ours, "auto-replied"));

            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            List<String> bodies = List.of();
            while (Instant.now().isBefore(deadline) && !bodies.contains("Blue, please.")) {
                Thread.sleep(300);
                bodies = admin.get("/api/v1/cases/" + number + "/messages").json().valueStream()
                    .map(m -> m.get("body").asString().trim()).toList();
            }
            assertThat(bodies).contains("Blue, please.").doesNotContain("Away until Monday.");
            Thread.sleep(6_000);
            assertThat(node.getBean(JdbcClient.class).sql("select outcome from inbound_mail order by id").query(String.class).list())
                .containsExactly("JOINED", "IGNORED");
            assertThat(node.getBean(JdbcClient.class).sql("select count(*) from recovery_cases").query(Long.class).single())
                .isEqualTo(casesBefore);
        }
    }

    private static MimeMessage message(String from, String subject, String text, String inReplyTo, String autoSubmitted)
            throws jakarta.mail.MessagingException {
        MimeMessage message = new MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()));
        message.setFrom(new jakarta.mail.internet.InternetAddress(from));
        message.setRecipients(jakarta.mail.Message.RecipientType.TO, "care@redress.local");
        message.setSubject(subject);
        message.setText(text);
        message.setHeader("In-Reply-To", inReplyTo);
        if (autoSubmitted != null) {
            message.setHeader("Auto-Submitted", autoSubmitted);
        }
        message.saveChanges();
        return message;
    }

    @Test
    void aMailServerThatIsDownIsRetriedAndTheMessageDeliveredWhenItIsBack() throws Exception {
        String url = PostgresDatabase.fresh();
        try (ConfigurableApplicationContext node = node(url, true)) {
            Http admin = admin(node);
            String number = openCase(admin, "ola@example.com");
            MAIL.stop();
            admin.post("/api/v1/cases/" + number + "/replies", Map.of("subject", "Still on it", "text", "Hello Ola, still on it."));

            JsonNode retrying = awaitAttempt(admin, number);
            assertThat(retrying.get("state").asString()).isEqualTo("PENDING");
            assertThat(retrying.get("lastError").asString()).isNotBlank();

            MAIL.start();
            // Skip the back-off wait rather than sleep through it.
            node.getBean(JdbcClient.class).sql("update outbox set next_attempt_at = current_timestamp").update();
            awaitOne("ola@example.com", "Still on it");
            awaitState(admin, number, "SENT");
        }
    }

    @Test
    void aMessageSavedByANodeThatStoppedIsSentOnceByTheNext() throws Exception {
        String url = PostgresDatabase.fresh();
        String number;
        // The first node has no mail server: it saves the reply and stops before anything is sent.
        try (ConfigurableApplicationContext first = node(url, false)) {
            Http admin = admin(first);
            number = openCase(admin, "ines@example.com");
            admin.post("/api/v1/cases/" + number + "/replies", Map.of("subject", "Your refund", "text", "Hello Ines, refund sent."));
        }
        try (ConfigurableApplicationContext second = node(url, true)) {
            awaitOne("ines@example.com", "Your refund");
            Thread.sleep(3_000);
            assertThat(received("ines@example.com", "Your refund")).hasSize(1);
        }
    }

    @Test
    void twoNodesSendEachOfTwoHundredMessagesOnce() throws Exception {
        String url = PostgresDatabase.fresh();
        try (ConfigurableApplicationContext first = node(url, false)) {
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            jdbc.sql("""
                    insert into outbox (channel, recipient, subject, body_text, message_id, state, next_attempt_at, created_at, created_by)
                    select 'email', 'bulk@example.com', 'Bulk ' || n, 'Message ' || n, '<bulk-' || n || '@test>', 'PENDING',
                           current_timestamp, current_timestamp, 'test'
                    from generate_series(1, 200) as n""").update();
        }
        try (ConfigurableApplicationContext one = node(url, true); ConfigurableApplicationContext two = node(url, true)) {
            Thread a = new Thread(() -> one.getBean(OutboxSender.class).sendDue());
            Thread b = new Thread(() -> two.getBean(OutboxSender.class).sendDue());
            a.start();
            b.start();
            a.join();
            b.join();
            MAIL.waitForIncomingEmail(30_000, 200);
            Thread.sleep(2_000);

            List<String> ids = Arrays.stream(MAIL.getReceivedMessages()).map(OutboxMailTests::messageId).toList();
            assertThat(ids).hasSize(200);
            assertThat(Set.copyOf(ids)).hasSize(200);
            assertThat(one.getBean(JdbcClient.class).sql("select count(*) from outbox where state = 'SENT'").query(Long.class)
                .single()).isEqualTo(200);
        }
    }

    static ConfigurableApplicationContext node(String url, boolean withMail, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("--redress.mail.first-retry=1s"));
        args.addAll(List.of(more));
        return Nodes.start(url, withMail, args.toArray(String[]::new));
    }

    static Http admin(ConfigurableApplicationContext node) {
        return Nodes.admin(node);
    }

    static String openCase(Http admin, String email) {
        Http.Response opened = admin.post("/api/v1/complaints", Map.of(
            "customer", Map.of("email", email, "name", "Customer " + email),
            "channel", "email", "category", "delivery", "severity", 2,
            "subject", "Parcel arrived broken", "message", "The vase is in pieces."));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        return opened.json().get("number").asString();
    }

    static MimeMessage awaitOne(String to, String subjectStart) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            List<MimeMessage> found = received(to, subjectStart);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("No message to " + to + " starting " + subjectStart + "; got "
            + Arrays.stream(MAIL.getReceivedMessages()).map(OutboxMailTests::subject).collect(Collectors.joining(", ")));
    }

    static List<MimeMessage> received(String to, String subjectStart) throws Exception {
        return Arrays.stream(MAIL.getReceivedMessagesForDomain(to.substring(to.indexOf('@') + 1)))
            .filter(message -> subject(message).startsWith(subjectStart))
            .filter(message -> recipients(message).contains(to))
            .toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject() == null ? "" : message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipients(MimeMessage message) {
        try {
            return Arrays.toString(message.getAllRecipients());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitState(Http admin, String number, String state) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (admin.get("/api/v1/cases/" + number + "/outbox").json().valueStream()
                    .allMatch(message -> message.get("state").asString().equals(state))) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Messages of " + number + " not " + state + ": " + admin.get("/api/v1/cases/" + number + "/outbox").body());
    }

    private static JsonNode awaitAttempt(Http admin, String number) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode message : admin.get("/api/v1/cases/" + number + "/outbox").json().valueStream().toList()) {
                if (message.get("attempts").asInt() > 0) {
                    return message;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("No attempt on " + number);
    }
}
