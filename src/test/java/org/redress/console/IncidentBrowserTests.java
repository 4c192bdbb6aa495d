package org.redress.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;

/** A lead declares an incident, uploads the affected customers, previews the notice, notifies them and sees the counts. */
class IncidentBrowserTests extends BrowserTest {

    @Test
    void anIncidentIsDeclaredItsCustomersUploadedAndNotified() {
        String tag = unique();
        page.navigate(url("/incidents"));
        Locator declare = page.getByTestId("declare");
        declare.getByLabel("Title").fill("Depot flood " + tag);
        declare.getByLabel("What happened").fill("Water in our depot delayed every parcel this week.");
        declare.getByLabel("What we are doing").fill("Parcels go out from the southern depot.");
        declare.getByLabel("Fixed by").fill(today().plusDays(4).toString());
        declare.getByLabel("Severity").selectOption("2");
        declare.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Declare incident")).click();
        assertThat(page.locator(".flash.success")).containsText("Now add the affected customers");
        assertThat(page.locator("h1")).hasText("Depot flood " + tag);

        Locator add = page.getByTestId("add-customers");
        add.getByLabel("A CSV file").setInputFiles(csv("customerRef,email,name\nF1-" + tag + ",not-an-email,Fay\n"));
        add.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Upload")).click();
        assertThat(page.getByTestId("error")).containsText("line 2: email 'not-an-email' is not an email address");
        assertThat(page.locator("[data-count=affected]")).hasText("0");

        add = page.getByTestId("add-customers");
        add.getByLabel("A CSV file").setInputFiles(csv("customerRef,email,name\nF1-" + tag + ",f1-" + tag + "@example.com,Fay\n"
            + "F2-" + tag + ",f2-" + tag + "@example.com,Finn\nF3-" + tag + ",,Flo\n"));
        add.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Upload")).click();
        assertThat(page.locator(".flash.success")).containsText("3 customers added");
        assertThat(page.locator("[data-count=affected]")).hasText("3");
        assertThat(page.locator("[data-count=reachable]")).hasText("2");

        assertThat(page.getByTestId("notice-preview")).containsText("Dear Maria Lopez");
        assertThat(page.getByTestId("notice-preview")).containsText("Water in our depot delayed every parcel this week.");
        page.getByTestId("notify").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Notify customers")).click();
        assertThat(page.locator(".flash.success")).containsText("Notifying the affected customers");

        // Counted as sent once the mail server (here the built-in one) took them, not when queued.
        for (int i = 0; i < 60 && !page.locator("[data-count=sent]").textContent().equals("2"); i++) {
            page.waitForTimeout(500);
            page.reload();
        }
        assertThat(page.locator("[data-count=sent]")).hasText("2");
        assertThat(page.locator("[data-count=queued]")).hasText("0");
        assertThat(page.locator("[data-count=failed]")).hasText("0");
        assertThat(page.locator("tr[data-state=NOTIFIED]")).hasCount(2);
        assertThat(page.locator("tr[data-state=NOT_REACHABLE]")).containsText("Flo");

        page.navigate(url("/incidents"));
        assertThat(page.getByTestId("incidents")).containsText("Depot flood " + tag);
    }

    @Test
    void customersPastedAsAListAreRecordedAsAListAndAFileAsCsv() {
        String tag = unique();
        page.navigate(url("/incidents"));
        Locator declare = page.getByTestId("declare");
        declare.getByLabel("Title").fill("Card reader down " + tag);
        declare.getByLabel("What happened").fill("Card payments failed in our shops on Saturday.");
        declare.getByLabel("What we are doing").fill("Every failed payment is refunded.");
        declare.getByLabel("Fixed by").fill(today().plusDays(2).toString());
        declare.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Declare incident")).click();

        Locator add = page.getByTestId("add-customers");
        add.getByLabel("A list").fill("P1-" + tag + ",p1-" + tag + "@example.com,Pia\nP2-" + tag + ",,Per");
        add.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add the list")).click();
        assertThat(page.locator(".flash.success")).containsText("2 customers added");
        add = page.getByTestId("add-customers");
        add.getByLabel("A CSV file").setInputFiles(csv("customerRef,email,name\nP3-" + tag + ",p3-" + tag + "@example.com,Pal\n"));
        add.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Upload")).click();
        assertThat(page.locator(".flash.success")).containsText("1 customers added");

        Locator customers = page.getByTestId("customers");
        assertThat(customers.locator("tr", new Locator.LocatorOptions().setHasText("P1-" + tag))).containsText("added from a list");
        assertThat(customers.locator("tr", new Locator.LocatorOptions().setHasText("P2-" + tag))).containsText("added from a list");
        assertThat(customers.locator("tr", new Locator.LocatorOptions().setHasText("P3-" + tag))).containsText("added from a CSV file");
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("""
                select ic.added_how from incident_customers ic join customers c on c.id = ic.customer_id
                where c.external_ref = ?""").param("P1-" + tag).query(String.class).single()).isEqualTo("list");
    }

    private static FilePayload csv(String text) {
        return new FilePayload("customers.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }
}
