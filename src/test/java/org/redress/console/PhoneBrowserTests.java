package org.redress.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** The console on a 390 px phone: the sections fold into a menu, and no page is wider than the screen. */
class PhoneBrowserTests extends BrowserTest {

    @Test
    void theSectionsFoldIntoAMenuAndPagesFitTheScreen() {
        String number = open(admin(), "PHONE-" + unique()).get("number").asString();
        page.setViewportSize(390, 844);
        page.navigate(url("/cases"));

        Page.GetByRoleOptions promises = new Page.GetByRoleOptions().setName("Promises").setExact(true);
        assertThat(page.getByRole(AriaRole.LINK, promises)).isHidden();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Menu")).click();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Menu"))).hasAttribute("aria-expanded", "true");
        page.getByRole(AriaRole.LINK, promises).click();
        assertThat(page).hasURL(url("/promises"));

        // The queue's filters, views and bulk actions fold away: the cases come first.
        page.navigate(url("/cases?queue=open"));
        assertThat(page.getByTestId("filters")).isHidden();
        assertThat(page.locator("table.list tbody tr").first()).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filters, views and bulk actions")).click();
        assertThat(page.getByTestId("filters")).isVisible();

        for (String path : new String[] {"/cases", "/cases/" + number, "/approvals", "/admin/users", "/admin/mail"}) {
            page.navigate(url(path));
            int width = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
            org.assertj.core.api.Assertions.assertThat(width).as("page width of %s on a 390 px phone", path).isLessThanOrEqualTo(390);
        }
    }

    @Test
    void aKeyboardUserCanSkipToTheContent() {
        page.navigate(url("/cases"));
        page.keyboard().press("Tab");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Skip to content"))).isFocused();
        page.keyboard().press("Enter");
        assertThat(page.locator("#content")).isFocused();
    }
}
