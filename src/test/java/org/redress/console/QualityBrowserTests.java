package org.redress.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** A review from the case page, pre-filled from the case's record; the agent reads it on their Quality page and disputes it. */
class QualityBrowserTests extends BrowserTest {

    @Test
    void aReviewStartsFromTheCasesRecordAndTheAgentDisputesIt() {
        String agentName = "Rita Reviewed " + unique();
        String email = "rita-" + unique() + "@test.redress";
        long agent = admin().post("/api/v1/users", Map.of("email", email, "name", agentName, "password", "rita-password-1",
            "role", "agent")).json().get("id").asLong();
        String number = open(admin(), "QB-" + unique()).get("number").asString();
        String c = "/api/v1/cases/" + number;
        admin().post(c + "/assign", Map.of("assigneeId", agent));
        heard(admin(), c);
        admin().post(c + "/apologize", Map.of("apology", "Sorry, but you should have read the instructions."));

        page.navigate(url("/cases/" + number));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Review this case")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Review " + number))).isVisible();
        Locator apology = page.locator("fieldset[data-item=APOLOGIZED]");
        assertThat(apology.getByTestId("why")).containsText("blame put on the customer");
        assertThat(apology.getByLabel("Partly")).isChecked();
        Accessibility.assertNoSeriousViolations(page);
        page.locator("fieldset[data-item=DATE_KEPT]").getByLabel("Does not apply").check();
        page.getByLabel("Comment to the agent").fill("Drop the 'but': the apology stands alone.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the review")).click();

        assertThat(page.locator(".flash.success")).containsText("Review sent to " + agentName);
        assertThat(page.getByTestId("ratings").locator("tr[data-item=APOLOGIZED] td").nth(1)).hasText("Partly");
        assertThat(page.getByTestId("comment")).hasText("Drop the 'but': the apology stands alone.");
        Accessibility.assertNoSeriousViolations(page);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        signIn(email, "rita-password-1");
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Sections"))
            .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Quality")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Reviews of your work"))).isVisible();
        page.getByTestId("reviews").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(number)).click();
        page.getByLabel("Dispute it: why?").fill("The customer had no instructions in the box.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Dispute")).click();

        assertThat(page.locator(".flash.success")).containsText("Disputed:");
        assertThat(page.getByTestId("state")).hasText("Disputed");
        assertThat(page.getByTestId("answer")).containsText("The customer had no instructions in the box.");
        assertThat(page.getByTestId("answer-forms")).hasCount(0);
    }

    @Test
    void aCalibrationSessionIsScoredBlindThenShowsWhereReviewersDiffer() {
        String number = open(admin(), "QC-" + unique()).get("number").asString();
        String c = "/api/v1/cases/" + number;
        Person agent = member("agent", null);
        admin().post(c + "/assign", Map.of("assigneeId", agent.id()));
        heard(admin(), c);

        page.navigate(url("/quality"));
        Locator start = page.getByTestId("start-calibration");
        start.getByLabel("Calibrate on a case, with other reviewers").fill(number);
        start.getByLabel("What the session is for").fill("Tuesday calibration");
        start.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Open a session")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Calibration: score " + number))).isVisible();
        page.locator("fieldset[data-item=LISTENED]").getByLabel("Partly").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit my score")).click();
        assertThat(page.locator(".flash.success")).containsText("Your score is in");
        assertThat(page.locator("main")).containsText("One score so far");
        String session = page.url().substring(page.url().lastIndexOf('/') + 1);

        member("lead", null).http().post("/api/v1/quality/calibrations/" + session + "/scores", Map.of());
        page.reload();

        // Eight items, the two differ on one: 7 of 8 alike.
        assertThat(page.getByTestId("agreement")).containsText("Agreement 87.5%");
        Locator listened = page.getByTestId("items").locator("tbody tr").first();
        assertThat(listened).hasAttribute("data-item", "LISTENED");
        assertThat(listened.locator("td")).containsText(new String[] {"0.0%", "Partly", "Met"});
        Accessibility.assertNoSeriousViolations(page);
    }
}
