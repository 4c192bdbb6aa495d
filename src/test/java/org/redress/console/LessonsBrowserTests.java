package org.redress.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** The Learn step names an action, its owner and date; the Lessons page follows it until it is marked done. */
class LessonsBrowserTests extends BrowserTest {

    @Test
    void aLessonsActionIsRecordedOnTheCaseAndSeenThroughOnTheLessonsPage() {
        String ownerName = "Olga Owner " + unique();
        admin().post("/api/v1/users", Map.of("email", "olga-" + unique() + "@test.redress", "name", ownerName,
            "password", "olga-password-1", "role", "agent"));
        String number = open(admin(), "LB-" + unique()).get("number").asString();
        String c = "/api/v1/cases/" + number;
        heard(admin(), c);
        admin().post(c + "/identify-cause", Map.of("rootCause", "warehouse-error", "responsibility", "ours"));
        String action = "Weigh every parcel before it leaves " + unique();

        page.navigate(url("/cases/" + number));
        Locator learn = page.locator("li:has(form[data-form=LEARN])");
        learn.locator("summary").click();
        learn.getByLabel("Lesson: what went wrong").fill("Parcels leave with items missing.");
        learn.getByLabel("Action that will prevent it").fill(action);
        learn.getByLabel("Owner of the action").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(ownerName));
        learn.getByLabel("Due by").fill(today().plusDays(5).toString());
        learn.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Record: Learn")).click();
        assertThat(page.locator("#case")).containsText("the action: " + action);

        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Sections"))
            .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Lessons")).click();
        Locator row = page.locator("tr", new Page.LocatorOptions().setHasText(action));
        assertThat(row).containsText(ownerName);
        assertThat(row).containsText("Picking or packing error");
        assertThat(row).containsText("Open");

        row.getByText("Act on it").click();
        row.getByLabel("What was done").fill("Scales at every packing desk");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Mark done")).click();
        assertThat(page.locator(".flash.success")).containsText("Marked done: " + action);
        assertThat(page.locator("tr", new Page.LocatorOptions().setHasText(action))).hasCount(0);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Done").setExact(true)).click();
        Locator done = page.locator("tr", new Page.LocatorOptions().setHasText(action));
        assertThat(done).containsText("Scales at every packing desk");
        assertThat(done.locator(".badge")).hasText("Done");

        page.navigate(url("/lessons?show=someday"));
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("'someday' is not one of open, overdue, done, dropped, all");
    }
}
