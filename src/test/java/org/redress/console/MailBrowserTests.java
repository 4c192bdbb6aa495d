package org.redress.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** An admin is told where mail goes, and reads each message to a customer as it was sent. */
class MailBrowserTests extends BrowserTest {

    @Test
    void anAdminIsToldMailStaysInsideAndReadsAReplyAsTheCustomerSeesIt() {
        String email = "reader-" + unique() + "@example.com";
        String number = admin().post("/api/v1/complaints", Map.of(
            "customer", Map.of("email", email, "name", "Rita Reader"), "channel", "email", "category", "delivery",
            "severity", 2, "subject", "Lamp arrived broken", "message", "The shade is cracked.")).json().get("number").asString();
        admin().post("/api/v1/cases/" + number + "/replies", Map.of("subject", "Your lamp",
            "text", "Hello Rita,\n\nA new shade is on its way today."));

        page.navigate(url("/cases"));
        assertThat(page.getByTestId("admin-notices")).containsText("Email goes to the built-in mail server");
        assertThat(page.getByTestId("admin-notices")).containsText("The public address is not set");

        page.navigate(url("/admin/mail"));
        page.getByLabel("Recipient").fill(email);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find")).click();
        assertThat(page.getByTestId("mail-route")).containsText("no customer receives it");
        // The sweep sends within about a second; reload until the reply shows as sent.
        for (int i = 0; i < 20 && !page.getByTestId("mail").textContent().contains("sent"); i++) {
            page.waitForTimeout(500);
            page.reload();
        }
        assertThat(page.getByTestId("mail")).containsText("sent");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Your lamp")).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your lamp"))).isVisible();
        assertThat(page.getByTestId("to")).hasText(email);
        assertThat(page.getByTestId("body")).containsText("A new shade is on its way today.");
        assertThat(page.getByTestId("state")).hasText("sent");
    }

    @Test
    void anUnknownStateIsExplainedOnThePage() {
        page.navigate(url("/admin/mail?state=lost"));
        assertThat(page.getByRole(AriaRole.ALERT).first()).containsText("queued, sent or failed");
    }
}
