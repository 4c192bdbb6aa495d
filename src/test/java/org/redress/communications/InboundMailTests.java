package org.redress.communications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.redress.ApplicationTest;
import org.redress.Http;

import tools.jackson.databind.JsonNode;

/** Email to Redress: replies join their case, new mail opens one, machines are set aside, bad input writes nothing. */
class InboundMailTests extends ApplicationTest {

    @Test
    void aReplyToOurMessageJoinsTheCaseWithItsAttachment() {
        String email = "r-" + unique() + "@example.com";
        String number = openFor(email);
        String ourMessage = admin().post("/api/v1/cases/" + number + "/replies", Map.of("subject", "Photos please",
            "text", "Could you send us a photo of the box? I will look at it today.")).json().get("messageId").asString();

        JsonNode result = inbound(Map.of("from", email, "subject", "Re: Photos please", "text", "Here it is.",
            "messageId", "<" + unique() + "@mail.example.com>", "inReplyTo", ourMessage,
            "attachments", List.of(Map.of("filename", "box.jpg", "contentType", "image/jpeg",
                "content", Base64.getEncoder().encodeToString(new byte[] {1, 2, 3})))));

        assertThat(result.get("outcome").asString()).isEqualTo("JOINED");
        assertThat(result.get("caseNumber").asString()).isEqualTo(number);
        assertThat(admin().get("/api/v1/cases/" + number + "/messages").json().valueStream()
            .map(m -> m.get("body").asString())).contains("Here it is.");
        assertThat(jdbc.sql("select count(*) from case_attachments where case_id = ? and filename = 'box.jpg'")
            .param(Long.parseLong(number.substring(3))).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aCaseNumberInTheSubjectJoinsOnlyWhenTheSenderIsThatCasesCustomer() {
        String email = "s-" + unique() + "@example.com";
        String number = openFor(email);

        JsonNode fromCustomer = inbound(Map.of("from", email, "subject", "About " + number, "text", "Any news?",
            "messageId", "<" + unique() + "@x>"));
        JsonNode fromStranger = inbound(Map.of("from", "stranger-" + unique() + "@example.com", "subject", "About " + number,
            "text", "Hello", "messageId", "<" + unique() + "@x>"));

        assertThat(fromCustomer.get("outcome").asString()).isEqualTo("JOINED");
        assertThat(fromStranger.get("outcome").asString()).isEqualTo("OPENED");
        assertThat(fromStranger.get("caseNumber").asString()).isNotEqualTo(number);
    }

    @Test
    void mailFromANewAddressOpensACaseAndTheSameMessageTwiceOpensOne() {
        String messageId = "<" + unique() + "@example.net>";
        Map<String, Object> mail = Map.of("from", "new-" + unique() + "@example.com", "fromName", "Nora New",
            "subject", "Charged twice", "text", "I was charged twice for order 991.", "messageId", messageId);

        JsonNode first = inbound(mail);
        JsonNode again = inbound(mail);

        assertThat(first.get("outcome").asString()).isEqualTo("OPENED");
        JsonNode opened = admin().get("/api/v1/cases/" + first.get("caseNumber").asString()).json();
        assertThat(opened.get("channel").asString()).isEqualTo("email");
        assertThat(opened.get("subject").asString()).isEqualTo("Charged twice");
        assertThat(opened.get("customer").get("name").asString()).isEqualTo("Nora New");
        assertThat(again.get("outcome").asString()).isEqualTo("DUPLICATE");
    }

    @Test
    void mailNamingACaseThatDoesNotExistOrWithoutIdOrTextIsStillTaken() {
        JsonNode typo = inbound(Map.of("from", "typo-" + unique() + "@example.com", "subject", "Re: RC-999999999",
            "text", "Where is my refund?", "messageId", "<" + unique() + "@x>"));
        Map<String, Object> bare = Map.of("from", "bare-" + unique() + "@example.com", "subject", "Photo",
            "attachments", List.of(Map.of("filename", "p.png", "contentType", "image/png", "content", "AAAA")));
        JsonNode first = inbound(bare);
        JsonNode again = inbound(bare);

        assertThat(typo.get("outcome").asString()).isEqualTo("OPENED");
        assertThat(first.get("outcome").asString()).isEqualTo("OPENED");
        assertThat(admin().get("/api/v1/cases/" + first.get("caseNumber").asString() + "/messages").json().get(0)
            .get("body").asString()).isEqualTo("(no text; see the attachments)");
        assertThat(again.get("outcome").asString()).isEqualTo("DUPLICATE");
    }

    @Test
    void aBounceFailsTheMessageItNamesAndTellsWhoeverHoldsTheCase() {
        Person agent = member("agent", null);
        String email = "gone-" + unique() + "@example.com";
        String number = openFor(email);
        admin().post("/api/v1/cases/" + number + "/assign", Map.of("assigneeId", agent.id()));
        String ours = admin().post("/api/v1/cases/" + number + "/replies", Map.of("subject", "Your refund",
            "text", "Hello, your refund leaves today.")).json().get("messageId").asString();
        // The mail server took it; the bounce comes later.
        jdbc.sql("update outbox set state = 'SENT', sent_at = current_timestamp where message_id = ?").param(ours).update();

        JsonNode bounce = inbound(Map.of("from", "MAILER-DAEMON@mx.example.com", "subject", "Undelivered Mail Returned to Sender",
            "text", "550 5.1.1 " + email + ": user unknown\n\nOriginal-Message-ID: " + ours, "messageId", "<" + unique() + "@mx>"));

        assertThat(bounce.get("outcome").asString()).isEqualTo("IGNORED");
        JsonNode message = admin().get("/api/v1/cases/" + number + "/outbox").json().get(0);
        assertThat(message.get("state").asString()).isEqualTo("FAILED");
        assertThat(message.get("lastError").asString()).startsWith("bounced: 550 5.1.1");
        assertThat(agent.http().get("/api/v1/alerts").json().get("items").valueStream()
            .map(alert -> alert.get("kind").asString())).contains("message.failed");
    }

    @Test
    void onlyAnIntegrationMayPostMailThatSpeaksForACustomer() {
        Map<String, Object> mail = Map.of("from", "x-" + unique() + "@example.com", "text", "hi", "messageId", "<" + unique() + "@x>");

        Http.Response byAgent = newUser("agent").post("/api/v1/inbound/email", mail);
        Http.Response byAdmin = admin().post("/api/v1/inbound/email", mail);

        assertThat(byAgent.status()).isEqualTo(403);
        assertThat(byAdmin.status()).isEqualTo(403);
        assertThat(byAdmin.json().get("detail").asString()).startsWith("Only integrations post business events and inbound messages");
        assertThat(mailSystem().post("/api/v1/inbound/email", mail).status()).isEqualTo(200);
    }

    @Test
    void autoRepliesAndBouncesOpenNoCase() {
        long before = count("recovery_cases");

        JsonNode vacation = inbound(Map.of("from", "away-" + unique() + "@example.com", "subject", "Out of office",
            "text", "I am away until Monday.", "messageId", "<" + unique() + "@x>", "headers", Map.of("Auto-Submitted", "auto-replied")));
        JsonNode bounce = inbound(Map.of("from", "MAILER-DAEMON@mx.example.com", "subject", "Undelivered Mail Returned to Sender",
            "text", "The mail system could not deliver.", "messageId", "<" + unique() + "@x>"));
        JsonNode report = inbound(Map.of("from", "notices-" + unique() + "@example.com", "subject", "Delivery Status Notification",
            "text", "Failed", "messageId", "<" + unique() + "@x>", "headers", Map.of("Content-Type", "multipart/report; report-type=delivery-status")));

        assertThat(List.of(vacation, bounce, report)).allSatisfy(r -> assertThat(r.get("outcome").asString()).isEqualTo("IGNORED"));
        assertThat(vacation.get("reason").asString()).contains("Auto-Submitted: auto-replied");
        assertThat(count("recovery_cases")).isEqualTo(before);
    }

    @Test
    void malformedMailAndOversizedOrUnsafeAttachmentsAreRefusedWithNothingWritten() {
        Map<String, Long> before = counts(List.of("recovery_cases", "inbound_mail", "case_attachments", "case_messages"));
        byte[] tooBig = new byte[10 * 1024 * 1024 + 1];

        Http.Response noSender = mailSystem().post("/api/v1/inbound/email", Map.of("text", "hi", "messageId", "<a@x>"));
        Http.Response notBase64 = mailSystem().post("/api/v1/inbound/email", mail(List.of(Map.of("filename", "a.pdf",
            "contentType", "application/pdf", "content", "%%%not base64%%%"))));
        Http.Response oversized = mailSystem().post("/api/v1/inbound/email", mail(List.of(Map.of("filename", "huge.pdf",
            "contentType", "application/pdf", "content", Base64.getEncoder().encodeToString(tooBig)))));
        Http.Response executable = mailSystem().post("/api/v1/inbound/email", mail(List.of(Map.of("filename", "run.exe",
            "contentType", "application/x-msdownload", "content", "AAAA"))));

        assertThat(noSender.status()).isEqualTo(400);
        assertThat(noSender.body()).contains("from");
        assertThat(notBase64.status()).isEqualTo(400);
        assertThat(oversized.status()).isEqualTo(400);
        assertThat(oversized.body()).contains("huge.pdf is 10485761 bytes; the limit is 10485760");
        assertThat(executable.status()).isEqualTo(400);
        assertThat(executable.body()).contains("not accepted");
        assertThat(counts(List.of("recovery_cases", "inbound_mail", "case_attachments", "case_messages"))).isEqualTo(before);
    }

    private Http mailSystem;

    /** The mail provider's webhook: an integration. */
    private Http mailSystem() {
        if (mailSystem == null) {
            mailSystem = integration();
        }
        return mailSystem;
    }

    private Map<String, Object> mail(List<Map<String, String>> attachments) {
        Map<String, Object> mail = new HashMap<>(Map.of("from", "att-" + unique() + "@example.com", "subject", "Files",
            "text", "See attached", "messageId", "<" + unique() + "@x>"));
        mail.put("attachments", attachments);
        return mail;
    }

    private String openFor(String email) {
        return admin().post("/api/v1/complaints", Map.of("customer", Map.of("email", email, "name", "Maria"),
            "channel", "email", "category", "delivery", "severity", 2, "subject", "Parcel arrived broken",
            "message", "The vase is in pieces.")).json().get("number").asString();
    }

    private JsonNode inbound(Map<String, Object> mail) {
        Http.Response response = mailSystem().post("/api/v1/inbound/email", mail);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
