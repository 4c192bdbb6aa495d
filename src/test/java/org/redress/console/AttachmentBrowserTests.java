package org.redress.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.AriaRole;

/** A file the customer sent shows in the conversation, under their message, and downloads as it came. */
class AttachmentBrowserTests extends BrowserTest {

    @Test
    void theCustomersFileIsInTheConversationAndDownloadsAsSent() throws IOException {
        byte[] receipt = "%PDF-1.4\nreceipt for order 7781\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        String email = "files-" + unique() + "@example.com";
        String number = admin().post("/api/v1/complaints", Map.of(
            "customer", Map.of("email", email, "name", "Fay Files"), "channel", "email", "category", "delivery",
            "severity", 2, "subject", "Charged for a lost parcel", "message", "I paid and nothing came.")).json()
            .get("number").asString();
        integration().post("/api/v1/inbound/email", Map.of("from", email, "subject", "Re: " + number,
            "text", "My receipt is attached.", "messageId", "<" + unique() + "@mail.example.com>",
            "attachments", List.of(Map.of("filename", "receipt.pdf", "contentType", "application/pdf",
                "content", Base64.getEncoder().encodeToString(receipt)))));

        page.navigate(url("/cases/" + number));

        Locator turn = page.getByTestId("timeline").locator("li.turn").filter(new Locator.FilterOptions()
            .setHasText("My receipt is attached."));
        assertThat(turn.getByTestId("attachment")).containsText("receipt.pdf");
        assertThat(turn.getByTestId("attachment")).containsText("application/pdf · " + receipt.length + " bytes");
        Download download = page.waitForDownload(() -> turn.getByRole(AriaRole.LINK,
            new Locator.GetByRoleOptions().setName("receipt.pdf")).click());
        org.assertj.core.api.Assertions.assertThat(download.suggestedFilename()).isEqualTo("receipt.pdf");
        org.assertj.core.api.Assertions.assertThat(Files.readAllBytes(download.path())).isEqualTo(receipt);

        // An agent of another team is refused the file (and the case).
        long team = newTeam("Deliveries");
        admin().post("/api/v1/cases/" + number + "/assign", Map.of("teamId", team));
        String outsider = "outsider-" + unique() + "@test.redress";
        admin().post("/api/v1/users", Map.of("email", outsider, "name", "Otto Outsider", "password", "outsider-password-1",
            "role", "agent", "teamId", newTeam("Billing")));
        page.context().clearCookies();
        signIn(outsider, "outsider-password-1");
        APIResponse refused = page.request().get(url(turnLink(number, download)));
        org.assertj.core.api.Assertions.assertThat(refused.status()).isEqualTo(403);
        org.assertj.core.api.Assertions.assertThat(refused.body()).isNotEqualTo(receipt);
    }

    @Test
    void anAgentAttachesAFileToAReplyAndARefusedFileIsSaidWithNothingSent() {
        String number = admin().post("/api/v1/complaints", Map.of(
            "customer", Map.of("email", "reply-files-" + unique() + "@example.com", "name", "Rosa Reply"), "channel", "email",
            "category", "delivery", "severity", 2, "subject", "Wrong size", "message", "The shoes are too small.")).json()
            .get("number").asString();
        page.navigate(url("/cases/" + number));
        Locator composer = page.getByTestId("composer");
        composer.getByLabel("Subject").fill("Your return label");
        composer.getByLabel("Message").fill("Hello Rosa, the return label is attached. I will check on Friday.");

        composer.getByLabel("Files").setInputFiles(new FilePayload("tool.exe", "application/x-msdownload", new byte[] {'M', 'Z'}));
        composer.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send email")).click();
        assertThat(page.getByTestId("composer").getByRole(AriaRole.ALERT)).containsText("tool.exe: files of type "
            + "application/x-msdownload are not accepted");
        assertThat(page.getByTestId("composer").getByLabel("Subject")).hasValue("Your return label");
        org.assertj.core.api.Assertions.assertThat(admin().get("/api/v1/cases/" + number + "/outbox").json()).isEmpty();

        page.getByTestId("composer").getByLabel("Files").setInputFiles(new FilePayload("label.pdf", "application/pdf",
            "%PDF-1.4 label".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        page.getByTestId("composer").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send email")).click();
        assertThat(page.getByTestId("composer").getByRole(AriaRole.STATUS)).containsText("Queued for sending with 1 file");

        page.reload();
        Locator ours = page.getByTestId("timeline").locator("li.turn").filter(new Locator.FilterOptions()
            .setHasText("the return label is attached"));
        assertThat(ours.getByTestId("attachment")).containsText("label.pdf");
    }

    @Test
    void theCustomerAddsAFileToTheirMessageOnTheirPageAndARefusedFileIsExplained() {
        String number = admin().post("/api/v1/complaints", Map.of(
            "customer", Map.of("email", "page-files-" + unique() + "@example.com", "name", "Paula Page"), "channel", "email",
            "category", "delivery", "severity", 2, "subject", "Scratched table", "message", "The table top is scratched."))
            .json().get("number").asString();
        long caseId = Long.parseLong(number.substring(3));
        page.context().clearCookies();
        page.navigate(url(links.linkFor(caseId).path()));
        Locator write = page.getByTestId("write-to-us");
        long messagesBefore = messagesOf(caseId);

        write.getByLabel("Your message").fill("Here is the scratch.");
        write.getByLabel("Add files (optional)").setInputFiles(new FilePayload("scratch.svg", "image/svg+xml",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        write.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("We could not take your message: scratch.svg: files of type "
            + "image/svg+xml are not accepted");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("nothing was sent");
        assertThat(page.getByTestId("write-to-us").getByLabel("Your message")).hasValue("Here is the scratch.");
        org.assertj.core.api.Assertions.assertThat(messagesOf(caseId)).isEqualTo(messagesBefore);

        byte[] photo = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};
        page.getByTestId("write-to-us").getByLabel("Add files (optional)").setInputFiles(
            new FilePayload("scratch.jpg", "image/jpeg", photo));
        page.getByTestId("write-to-us").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Thank you, we have your message and your file");
        // The customer's page does not show files back; staff get it under the message.
        org.assertj.core.api.Assertions.assertThat(page.content()).doesNotContain("scratch.jpg");
        var file = admin().get("/api/v1/cases/" + number + "/attachments").json().get(0);
        org.assertj.core.api.Assertions.assertThat(file.get("filename").asString()).isEqualTo("scratch.jpg");
        org.assertj.core.api.Assertions.assertThat(admin().download("/api/v1/cases/" + number + "/attachments/"
            + file.get("id").asLong()).body()).isEqualTo(photo);
        org.assertj.core.api.Assertions.assertThat(admin().get("/api/v1/cases/" + number + "/messages").json().valueStream()
            .filter(m -> m.get("id").asLong() == file.get("messageId").asLong()).findFirst().orElseThrow()
            .get("body").asString()).isEqualTo("Here is the scratch.");
    }

    @org.springframework.beans.factory.annotation.Autowired
    private org.redress.links.CaseLinks links;

    private long messagesOf(long caseId) {
        return jdbc.sql("select count(*) from case_messages where case_id = ?").param(caseId).query(Long.class).single();
    }

    private static String turnLink(String number, Download download) {
        String path = java.net.URI.create(download.url()).getPath();
        org.assertj.core.api.Assertions.assertThat(path).startsWith("/cases/" + number + "/attachments/");
        return path;
    }
}
