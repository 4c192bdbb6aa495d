package org.redress.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** An admin downloads a customer's personal data from the customer's page. */
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
}
