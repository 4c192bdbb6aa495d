package org.redress.communications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redress.Http;
import org.redress.PostgresDatabase;
import org.springframework.context.ConfigurableApplicationContext;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** A file an agent attaches to a reply reaches the customer's mailbox (GreenMail) as an attachment, exactly. */
class ReplyAttachmentMailTests {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP);

    @Test
    void theCustomerReceivesTheFileWithTheReply() throws Exception {
        byte[] label = {'%', 'P', 'D', 'F', '-', '1', '.', '4', '\n', (byte) 0xE2, (byte) 0x82, (byte) 0xAC, 0, (byte) 0xFF};
        try (ConfigurableApplicationContext node = OutboxMailTests.node(PostgresDatabase.fresh(), true)) {
            Http admin = OutboxMailTests.admin(node);
            String number = OutboxMailTests.openCase(admin, "nina@example.com");
            Http.Response queued = admin.post("/api/v1/cases/" + number + "/replies", Map.of("subject", "Your return label",
                "text", "Hello Nina, the return label is attached. I will call you on Friday.",
                "attachments", List.of(Map.of("filename", "return label.pdf", "contentType", "application/pdf",
                    "content", Base64.getEncoder().encodeToString(label)))));
            assertThat(queued.status()).as(queued.body()).isEqualTo(202);

            MimeMessage received = awaitOne("Your return label");
            Part file = attachment((Multipart) received.getContent());
            assertThat(file.getFileName()).isEqualTo("return label.pdf");
            assertThat(file.getContentType()).startsWith("application/pdf");
            assertThat(file.getInputStream().readAllBytes()).isEqualTo(label);
            assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(received)).contains("the return label is attached");
            // Staff see it on the case, as ours, under the reply.
            var listed = admin.get("/api/v1/cases/" + number + "/attachments").json().get(0);
            assertThat(listed.get("filename").asString()).isEqualTo("return label.pdf");
            assertThat(listed.get("ours").asBoolean()).isTrue();
        }
    }

    private static Part attachment(Multipart multipart) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            Part part = multipart.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return part;
            }
        }
        throw new AssertionError("No attachment in the mail");
    }

    private static MimeMessage awaitOne(String subject) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            for (MimeMessage message : MAIL.getReceivedMessages()) {
                if (message.getSubject().startsWith(subject)) {
                    return message;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("No message " + subject);
    }
}
