package org.redress.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** An admin downloads a customer's personal data from the customer's page, and erases it there. */
class PersonalDataBrowserTests extends BrowserTest {

    @Test
    void anAdminDownloadsACustomersPersonalData() throws IOException {
        String email = "dl-" + unique() + "@example.com";
        String number = admin().post("/api/v1/complaints", Map.of("customer", Map.of("externalRef", "DL-" + unique(), "name", "Dora Lind",
            "email", email), "channel", "email", "category", "delivery", "severity", 3, "subject", "Lamp broken",
            "message", "The lamp arrived broken.")).json().get("number").asString();
        long customer = admin().get("/api/v1/cases/" + number).json().get("customer").get("id").asLong();

        page.navigate(url("/customers/" + customer));
        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
            new Page.GetByRoleOptions().setName("Download their personal data")).click());

        assertThat(download.suggestedFilename()).isEqualTo("customer-" + customer + "-personal-data.json");
        String bundle = Files.readString(download.path());
        assertThat(bundle).contains("\"format\":\"redress.personal-data/1\"", email, "The lamp arrived broken.", number);
    }

    @Test
    void anAdminErasesACustomerOnceTheirCasesAreClosedAndTheTypedConfirmationIsRight() {
        String ref = "ER-" + unique();
        String number = admin().post("/api/v1/complaints", Map.of("customer", Map.of("externalRef", ref, "name", "Edda Rask",
            "email", ref.toLowerCase() + "@example.com"), "channel", "email", "category", "delivery", "severity", 3,
            "subject", "Chair wobbles", "message", "The chair wobbles.")).json().get("number").asString();
        long customer = admin().get("/api/v1/cases/" + number).json().get("customer").get("id").asLong();
        page.navigate(url("/customers/" + customer));

        page.getByLabel("Type ERASE to confirm").fill("erase");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Erase their personal data")).click();
        assertThat(page.locator(".flash.error")).containsText("Close their open cases first (" + number + ")");

        closeAsRecovered(number);
        page.getByLabel("Type ERASE to confirm").fill("yes");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Erase their personal data")).click();
        assertThat(page.locator(".flash.error")).containsText("Type ERASE to confirm");

        page.getByLabel("Type ERASE to confirm").fill("ERASE");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Erase their personal data")).click();

        assertThat(page.locator(".flash.success")).containsText("Erased their personal data: 1 case anonymised");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("[erased]");
        assertThat(page.locator("[data-erased]")).containsText("This customer's personal data was erased on");
        assertThat(page.locator("main")).not().containsText("Edda");
        assertThat(page.getByLabel("Type ERASE to confirm")).hasCount(0);
    }
}
