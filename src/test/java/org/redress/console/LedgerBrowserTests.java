package org.redress.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;

/** The goodwill ledger and the remedies card say who asked for a remedy and who approved it, separately. */
class LedgerBrowserTests extends BrowserTest {

    @Test
    void theLedgerShowsTheAskerAndTheApproverEachWithTheirShare() {
        long team = newTeam("Ledger view");
        Person agent = member("agent", team);
        Person lead = member("lead", team);
        String number = open(admin(), "C-" + unique()).get("number").asString();
        long id = agent.http().post("/api/v1/cases/" + number + "/remedies", Map.of("type", "goodwill", "amount", "90.00",
            "description", "Hamper")).json().get("id").asLong();
        lead.http().post("/api/v1/remedies/" + id + "/approve", Map.of());

        page.navigate(url("/approvals"));

        Locator ledger = page.getByTestId("ledger");
        Locator asker = ledger.locator("tr[data-person='" + name(agent) + "']");
        Locator approver = ledger.locator("tr[data-person='" + name(lead) + "']");
        assertThat(asker.locator("td").nth(1)).hasText("1");
        assertThat(asker.locator("td").nth(2)).hasText("90.00 EUR");
        assertThat(asker.locator("td").nth(4)).hasText("—");
        assertThat(approver.locator("td").nth(1)).hasText("0");
        assertThat(approver.locator("td").nth(4)).hasText("1 · 90.00 EUR");

        page.navigate(url("/cases/" + number));
        assertThat(page.locator("[data-remedy='" + id + "']")).containsText("Asked by " + name(agent) + " · approved by " + name(lead));
    }
}
