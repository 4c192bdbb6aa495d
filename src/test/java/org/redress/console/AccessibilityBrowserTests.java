package org.redress.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.Page;

/**
 * Every console page, and the customer's page, has no serious or critical accessibility
 * violation (axe-core, WCAG 2.1 A and AA), on a desktop and on a 390 px phone.
 */
@org.junit.jupiter.api.Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class AccessibilityBrowserTests extends BrowserTest {

    @Test
    void theSignInPageIsAccessible() {
        page.context().clearCookies();
        page.navigate(url("/login"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in"))).isVisible();
        atBothWidths();
    }

    @Test
    void theQueueAndALongCasePageAreAccessible() {
        String number = caseWithHistory();
        page.navigate(url("/cases"));
        atBothWidths();
        page.navigate(url("/cases/" + number));
        assertThat(page.getByTestId("remedies")).isVisible();
        atBothWidths();
    }

    @Test
    void theCustomersPageIsAccessible() {
        String number = caseWithHistory();
        long remedy = admin().get("/api/v1/cases/" + number + "/remedies").json().get(0).get("id").asLong();
        String link = admin().post("/api/v1/remedies/" + remedy + "/offer", Map.of("deliverBy", today().plusDays(2).toString()))
            .json().get("customerLink").asString();
        page.navigate(link);
        atBothWidths();
    }

    @Test
    void theChatWidgetIsAccessibleBeforeAndDuringAChat() {
        page.context().clearCookies();
        page.navigate(url("/widget"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Chat with us"))).isVisible();
        atBothWidths();
        page.getByLabel("Your name").fill("Ana Access");
        page.getByLabel("Your email").fill("access-" + unique() + "@example.com");
        page.getByLabel("Your message").fill("The parcel was left in the rain.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the chat")).click();
        assertThat(page.locator("li[data-from='customer']")).containsText("The parcel was left in the rain.");
        atBothWidths();
    }

    @Test
    void listsAndAdminPagesAreAccessible() {
        caseWithHistory();
        StringBuilder problems = new StringBuilder();
        for (String path : new String[] {"/sla/attention", "/promises", "/follow-ups", "/approvals", "/incidents", "/risk",
            "/surveys", "/insights", "/insights/cases?counted=closed", "/lessons", "/cases/new", "/customers", "/alerts", "/account", "/admin/users", "/admin/taxonomy", "/admin/sla",
            "/admin/templates", "/admin/audit", "/admin/mail", "/admin/remedies"}) {
            page.navigate(url(path));
            String found = violationsAtBothWidths();
            if (!found.isEmpty()) {
                problems.append(path).append(": ").append(found).append('\n');
            }
        }
        // One email as the customer sees it (the case's reply, written above).
        long email = admin().get("/api/v1/mail").json().get("items").get(0).get("id").asLong();
        page.navigate(url("/admin/mail/" + email));
        String found = violationsAtBothWidths();
        if (!found.isEmpty()) {
            problems.append("/admin/mail/").append(email).append(": ").append(found).append('\n');
        }
        org.assertj.core.api.Assertions.assertThat(problems.toString()).isEmpty();
    }

    private void atBothWidths() {
        org.assertj.core.api.Assertions.assertThat(violationsAtBothWidths()).as("accessibility of %s", page.url()).isEmpty();
    }

    private String violationsAtBothWidths() {
        page.setViewportSize(1400, 1000);
        page.waitForLoadState();
        String wide = Accessibility.seriousViolations(page);
        page.setViewportSize(390, 844);
        String narrow = Accessibility.seriousViolations(page);
        page.setViewportSize(1400, 1000);
        return (wide.isEmpty() ? "" : "at 1400 px: " + wide + "\n") + (narrow.isEmpty() ? "" : "at 390 px: " + narrow);
    }

    // A case an agent has worked on for a while: acknowledged, heard, apologised to, a reply, a remedy granted.
    private String caseWithHistory() {
        String number = open(admin(), "A11Y-" + unique()).get("number").asString();
        String c = "/api/v1/cases/" + number;
        heard(admin(), c);
        admin().post(c + "/apologize", Map.of("apology", "We are sorry: this should not have happened."));
        admin().post(c + "/replies", Map.of("subject", "About your parcel", "text", "Hello, we are on it and will write again today."));
        admin().post(c + "/notes", Map.of("text", "Called the depot."));
        admin().post(c + "/remedies", Map.of("type", "refund", "amount", "20.00", "description", "Late parcel"));
        return number;
    }
}
