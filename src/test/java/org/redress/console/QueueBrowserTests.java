package org.redress.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import tools.jackson.databind.JsonNode;

/** The queue in a real browser: time left on every row, filters that stay in the URL, "take next". */
class QueueBrowserTests extends BrowserTest {

    @Test
    void everyRowSaysHowMuchTimeIsLeftInColourWhenShort() {
        long team = newTeam("Rows");
        JsonNode missed = openIn(team, "Vase in pieces");
        JsonNode atRisk = openIn(team, "Lamp in pieces");
        JsonNode onTrack = openIn(team, "Cup in pieces");
        moveAcknowledge(missed, "- interval '40' minute", "- interval '35' minute");
        moveAcknowledge(atRisk, "- interval '1' minute", "+ interval '90' minute");

        page.navigate(url("/cases?queue=open&team=" + team));

        Locator rows = page.locator("table.list tbody tr");
        assertThat(rows).hasCount(3);
        assertThat(rows.nth(0).locator("td.due .due-BREACHED")).containsText("overdue by 3");
        assertThat(rows.nth(1).locator("td.due .due-AT_RISK")).hasText(java.util.regex.Pattern.compile("^1 h (29|30) min left$"));
        assertThat(rows.nth(2)).containsText(onTrack.get("number").asString());
        assertThat(rows.nth(2).locator("td.due .due-ON_TRACK")).containsText("left");
    }

    @Test
    void filtersCombineAndStayInTheUrl() {
        long team = newTeam("Filtered");
        JsonNode missed = openIn(team, "Vase in pieces");
        openIn(team, "Lamp in pieces");
        moveAcknowledge(missed, "- interval '9' minute", "- interval '5' minute");
        page.navigate(url("/cases?queue=open"));

        Locator filters = page.getByTestId("filters");
        filters.getByLabel("Team").selectOption(String.valueOf(team));
        filters.getByLabel("Missed").check();
        filters.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Filter")).click();

        assertThat(page).hasURL(java.util.regex.Pattern.compile("team=" + team + ".*missed=true"));
        assertThat(page.locator("table.list tbody tr")).hasCount(1);
        assertThat(page.locator("table.list tbody tr")).containsText("Vase in pieces");
        page.reload();
        assertThat(page.getByTestId("filters").getByLabel("Missed")).isChecked();
        assertThat(page.locator("table.list tbody tr")).hasCount(1);
    }

    @Test
    void takeNextAssignsMeTheMostUrgentCaseOfMyTeamAndOpensIt() {
        long team = newTeam("Next");
        JsonNode later = openIn(team, "Lamp in pieces");
        JsonNode urgent = openIn(team, "Vase in pieces");
        moveAcknowledge(urgent, "- interval '9' minute", "- interval '5' minute");
        String email = "taker-" + unique() + "@test.redress";
        admin().post("/api/v1/users", Map.of("email", email, "name", "Tara Taker", "password", "tara-password-1",
            "role", "agent", "teamId", team));
        page.context().clearCookies();
        signIn(email, "tara-password-1");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Take next")).click();

        assertThat(page).hasURL(url("/cases/" + urgent.get("number").asString()));
        assertThat(page.getByText("You took " + urgent.get("number").asString())).isVisible();
        assertThat(page.locator("#case")).containsText("Tara Taker");
        page.navigate(url("/cases?queue=mine"));
        assertThat(page.locator("table.list tbody tr")).hasCount(1);
        assertThat(page.locator("table.list tbody tr")).not().containsText(later.get("number").asString());
    }

    @Test
    void selectedRowsAreClosedAsSpamTogether() {
        long team = newTeam("Spam");
        JsonNode first = openIn(team, "Win a prize now");
        JsonNode second = openIn(team, "Cheap watches");
        JsonNode kept = openIn(team, "Vase in pieces");
        page.navigate(url("/cases?queue=open&team=" + team));

        page.getByLabel("Select " + first.get("number").asString()).check();
        page.getByLabel("Select " + second.get("number").asString()).check();
        Locator bulk = page.getByTestId("bulk");
        bulk.getByLabel("Action").selectOption("close");
        bulk.getByLabel("Close reason").selectOption("spam");
        bulk.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Apply")).click();

        assertThat(page.getByText("Closed 2 cases as spam.")).isVisible();
        assertThat(page).hasURL(java.util.regex.Pattern.compile("team=" + team));
        assertThat(page.locator("table.list tbody tr")).hasCount(1);
        assertThat(page.locator("table.list tbody tr")).containsText(kept.get("number").asString());
        page.navigate(url("/cases/" + first.get("number").asString()));
        assertThat(page.getByTestId("close-reason")).hasText("Spam");
        assertThat(page.getByTestId("timeline")).containsText("Closed as spam");
    }

    @Test
    void keyboardShortcutsMoveThroughTheQueueAndTheQuestionMarkListsThem() {
        long team = newTeam("Keys");
        JsonNode missed = openIn(team, "Vase in pieces");
        JsonNode later = openIn(team, "Lamp in pieces");
        moveAcknowledge(missed, "- interval '9' minute", "- interval '5' minute");
        page.navigate(url("/cases?queue=open&team=" + team));

        page.keyboard().press("?");
        assertThat(page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Keyboard shortcuts"))).containsText("Take next");
        page.keyboard().press("Escape");
        assertThat(page.getByRole(AriaRole.DIALOG)).hasCount(0);
        page.keyboard().press("j");
        page.keyboard().press("Enter");
        assertThat(page).hasURL(url("/cases/" + missed.get("number").asString()));
        page.waitForLoadState();
        page.keyboard().press("i");
        assertThat(page.getByLabel("Internal note")).isFocused();
        page.getByLabel("Internal note").press("Escape");
        page.locator("h1").click();
        page.keyboard().press("j");

        assertThat(page).hasURL(url("/cases/" + later.get("number").asString()));
    }

    @Test
    void aNewCaseAppearsInTheQueueWithoutAReload() {
        long team = newTeam("Live");
        openIn(team, "Vase in pieces");
        page.navigate(url("/cases?queue=open&team=" + team));
        assertThat(page.locator("table.list tbody tr")).hasCount(1);

        JsonNode arrived = openIn(team, "Lamp in pieces");

        assertThat(page.locator("table.list tbody tr")).hasCount(2, new LocatorAssertions.HasCountOptions().setTimeout(25_000));
        assertThat(page.locator("table.list tbody")).containsText(arrived.get("number").asString());
    }

    @Test
    void theCasePageShowsWhoElseIsViewingOrWriting() {
        String number = open(admin(), "C-" + unique()).get("number").asString();
        String email = "colleague-" + unique() + "@test.redress";
        admin().post("/api/v1/users", Map.of("email", email, "name", "Colin Colleague", "password", "colin-password-1",
            "role", "admin"));
        try (BrowserContext other = page.context().browser().newContext()) {
            Page colleague = other.newPage();
            colleague.navigate(url("/login"));
            colleague.getByLabel("Email").fill(email);
            colleague.getByLabel("Password").fill("colin-password-1");
            colleague.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            colleague.navigate(url("/cases/" + number));
            colleague.getByLabel("Internal note").fill("Calling the courier now");

            page.navigate(url("/cases/" + number));

            assertThat(page.getByTestId("presence")).containsText("Colin Colleague is writing",
                new LocatorAssertions.ContainsTextOptions().setTimeout(25_000));
        }
    }

    private JsonNode openIn(long team, String subject) {
        Map<String, Object> body = new HashMap<>(complaint("C-" + unique(), "delivery"));
        body.put("subject", subject);
        JsonNode opened = admin().post("/api/v1/complaints", body).json();
        admin().post("/api/v1/cases/" + opened.get("number").asString() + "/assign", Map.of("teamId", team));
        return opened;
    }

    private void moveAcknowledge(JsonNode c, String warn, String due) {
        jdbc.sql("update sla_clocks set warn_at = current_timestamp " + warn + ", due_at = current_timestamp " + due
            + " where case_id = ? and target = 'ACKNOWLEDGE'").param(c.get("id").asLong()).update();
        clocksMoved(c.get("id").asLong());
    }
}
