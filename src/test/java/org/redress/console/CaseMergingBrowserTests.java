package org.redress.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;

/** Closing a case as a duplicate in the console merges it: the stub links to the other case, which shows its messages. */
class CaseMergingBrowserTests extends BrowserTest {

    @Test
    void closingAsADuplicateLinksToTheOtherCaseWhichShowsTheDuplicatesMessages() {
        String customer = "MB-" + unique();
        String into = open(admin(), customer).get("number").asString();
        Map<String, Object> second = new HashMap<>(complaint(customer, "billing"));
        second.put("message", "And I was charged twice for the broken vase.");
        String from = admin().post("/api/v1/complaints", second).json().get("number").asString();
        page.navigate(url("/cases/" + from));

        Locator closing = page.getByTestId("close-for-reason");
        closing.locator("summary").click();
        closing.getByLabel("Reason").selectOption("duplicate");
        closing.getByLabel("Duplicate of").fill(into);
        closing.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close for this reason")).click();

        Locator merged = page.getByTestId("merged-into");
        assertThat(merged).containsText("Merged into " + into);
        merged.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(into)).click();
        assertThat(page).hasURL(url("/cases/" + into));
        assertThat(page.locator("#case")).containsText("And I was charged twice for the broken vase.");
        assertThat(page.locator("#case")).containsText("Merged " + from + " into this case");
    }
}
