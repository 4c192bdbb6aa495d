package org.redress.communications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.redress.ApplicationTest;
import org.redress.Http;

import tools.jackson.databind.JsonNode;

/** The customer's files: kept with the message they came with, listed and downloaded by staff who may open the case, and by nobody else. */
class AttachmentTests extends ApplicationTest {

    // Not text in any encoding: a download that decoded and re-encoded it would change it.
    private static final byte[] PHOTO = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xFF, (byte) 0xFE, 13, 10, 26, 10, 0, 7};

    @Test
    void staffSeeTheFileWithItsMessageAndDownloadItExactly() {
        String email = "f-" + unique() + "@example.com";
        String number = openFor(email);
        sendPhoto(email, number);

        JsonNode files = admin().get("/api/v1/cases/" + number + "/attachments").json();
        JsonNode message = admin().get("/api/v1/cases/" + number + "/messages").json().valueStream()
            .filter(m -> m.get("body").asString().equals("Here is the box.")).findFirst().orElseThrow();
        assertThat(files).hasSize(1);
        JsonNode file = files.get(0);
        assertThat(file.get("filename").asString()).isEqualTo("box photo.png");
        assertThat(file.get("contentType").asString()).isEqualTo("image/png");
        assertThat(file.get("sizeBytes").asLong()).isEqualTo(PHOTO.length);
        assertThat(file.get("messageId").asLong()).isEqualTo(message.get("id").asLong());

        // The console's download (same answer, signed in by session) is driven in AttachmentBrowserTests.
        Http.Download download = admin().download("/api/v1/cases/" + number + "/attachments/" + file.get("id").asLong());
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(PHOTO);
        assertThat(download.header("Content-Type")).isEqualTo("image/png");
        assertThat(download.header("Content-Disposition")).startsWith("attachment;").contains("box photo.png");
        assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void onlyPeopleWhoMayOpenTheCaseGetItsFiles() {
        long team = newTeam("Deliveries");
        long otherTeam = newTeam("Billing");
        String email = "g-" + unique() + "@example.com";
        String number = openFor(email);
        admin().post("/api/v1/cases/" + number + "/assign", Map.of("teamId", team));
        sendPhoto(email, number);
        long id = admin().get("/api/v1/cases/" + number + "/attachments").json().get(0).get("id").asLong();
        String file = "/api/v1/cases/" + number + "/attachments/" + id;

        assertThat(member("agent", team).http().download(file).body()).isEqualTo(PHOTO);
        Http outsider = member("agent", otherTeam).http();
        assertThat(outsider.download(file).status()).isEqualTo(403);
        assertThat(outsider.get("/api/v1/cases/" + number + "/attachments").status()).isEqualTo(403);
        assertThat(integration().download(file).status()).isEqualTo(403);
        assertThat(Http.anonymous(port).download(file).status()).isEqualTo(401);
        // The console sends a visitor who has not signed in to the sign-in page.
        Http.Download console = Http.anonymous(port).download("/cases/" + number + "/attachments/" + id);
        assertThat(console.status()).isEqualTo(302);
        assertThat(console.header("Location")).endsWith("/login");
    }

    @Test
    void aFileIsFoundOnlyUnderItsOwnCase() {
        String email = "h-" + unique() + "@example.com";
        String number = openFor(email);
        sendPhoto(email, number);
        long id = admin().get("/api/v1/cases/" + number + "/attachments").json().get(0).get("id").asLong();
        String other = openFor("i-" + unique() + "@example.com");

        assertThat(admin().download("/api/v1/cases/" + other + "/attachments/" + id).status()).isEqualTo(404);
        assertThat(admin().download("/api/v1/cases/" + number + "/attachments/999999999").status()).isEqualTo(404);
    }

    @Test
    void aReplyWithAFileOfAnotherTypeOrTooLargeIsRefusedAndNothingIsQueued() {
        String number = openFor("j-" + unique() + "@example.com");
        List<String> tables = List.of("outbox", "case_messages", "case_timeline", "case_attachments");
        Map<String, Long> before = counts(tables);

        Http.Response program = admin().post("/api/v1/cases/" + number + "/replies", Map.of("subject", "Your tool",
            "text", "Hello, the tool is attached.", "attachments", List.of(
                Map.of("filename", "label.pdf", "contentType", "application/pdf", "content", "JVBERg=="),
                Map.of("filename", "tool.exe", "contentType", "application/x-msdownload", "content", "TVqQ"))));
        Http.Response huge = admin().post("/api/v1/cases/" + number + "/replies", Map.of("subject", "Your photos",
            "text", "Hello, the photos are attached.", "attachments", List.of(Map.of("filename", "huge.png",
                "contentType", "image/png", "content", Base64.getEncoder().encodeToString(new byte[10 * 1024 * 1024 + 1])))));

        assertThat(program.status()).isEqualTo(400);
        assertThat(program.json().get("errors").get(0).get("field").asString()).isEqualTo("attachments");
        assertThat(program.json().get("errors").get(0).get("message").asString())
            .contains("tool.exe: files of type application/x-msdownload are not accepted");
        assertThat(huge.status()).as(huge.body()).isEqualTo(400);
        assertThat(huge.body()).contains("huge.png is 10485761 bytes; the limit is 10485760");
        assertThat(counts(tables)).isEqualTo(before);
    }

    private void sendPhoto(String email, String number) {
        Http.Response result = integration().post("/api/v1/inbound/email", Map.of("from", email, "subject", "Re: " + number,
            "text", "Here is the box.", "messageId", "<" + unique() + "@mail.example.com>",
            "attachments", List.of(Map.of("filename", "box photo.png", "contentType", "image/png",
                "content", Base64.getEncoder().encodeToString(PHOTO)))));
        assertThat(result.status()).as(result.body()).isEqualTo(200);
        assertThat(result.json().get("outcome").asString()).isEqualTo("JOINED");
    }

    private String openFor(String email) {
        return admin().post("/api/v1/complaints", Map.of("customer", Map.of("email", email, "name", "Maria"),
            "channel", "email", "category", "delivery", "severity", 2, "subject", "Parcel arrived broken",
            "message", "The vase is in pieces.")).json().get("number").asString();
    }
}
