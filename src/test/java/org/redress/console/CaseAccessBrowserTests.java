package org.redress.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import tools.jackson.databind.JsonNode;

/** Who may open a case, in the console: an agent sees and opens only their team's cases and the shared inbox. */
class CaseAccessBrowserTests extends BrowserTest {

    @Test
    void anAgentCannotOpenAnotherTeamsCaseAndIsToldWhy() {
        String teamName = "Billing " + unique();
        long billing = admin().post("/api/v1/teams", Map.of("name", teamName)).json().get("id").asLong();
        long deliveries = newTeam("Deliveries");
        String subject = "Charged twice " + unique();
        String customer = "C-" + unique();
        Map<String, Object> body = new java.util.HashMap<>(complaint(customer, "billing"));
        body.put("subject", subject);
        JsonNode theirs = admin().post("/api/v1/complaints", body).json();
        String number = theirs.get("number").asString();
        admin().post("/api/v1/cases/" + number + "/assign", Map.of("teamId", billing));
        String email = "dora-" + unique() + "@test.redress";
        admin().post("/api/v1/users", Map.of("email", email, "name", "Dora Delivery", "password", "dora-password-1",
            "role", "agent", "teamId", deliveries));
        page.context().clearCookies();
        signIn(email, "dora-password-1");

        page.navigate(url("/cases?queue=open"));
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(subject))).hasCount(0);

        page.navigate(url("/find?q=" + number));

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Not allowed"))).isVisible();
        assertThat(page.locator("main")).containsText("Agents act only on cases of their own team, cases in the shared "
            + "inbox (no team) or cases assigned to them; " + number + " belongs to team " + teamName + ".");
        assertThat(page.locator("main")).not().containsText(subject);

        // The same customer's case in the shared inbox opens, and does not list the other team's case among theirs.
        String inbox = admin().post("/api/v1/complaints", complaint(customer, "delivery")).json().get("number").asString();
        String earlier = admin().post("/api/v1/complaints", complaint(customer, "service")).json().get("number").asString();
        page.navigate(url("/cases/" + inbox));
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(earlier))).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(number))).hasCount(0);
    }

    @Test
    void anAgentOpensACaseAColleagueHoldsButIsNotOfferedToTakeIt() {
        long team = newTeam("Deliveries");
        Person colleague = member("agent", team);
        String number = open(admin(), "C-" + unique()).get("number").asString();
        admin().post("/api/v1/cases/" + number + "/assign", Map.of("assigneeId", colleague.id()));
        String email = "eli-" + unique() + "@test.redress";
        admin().post("/api/v1/users", Map.of("email", email, "name", "Eli Delivery", "password", "eli-password-1",
            "role", "agent", "teamId", team));
        page.context().clearCookies();
        signIn(email, "eli-password-1");

        page.navigate(url("/cases/" + number));

        assertThat(page.getByTestId("held")).containsText("Someone else holds this case");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Assign to me"))).hasCount(0);
    }

    @Test
    void anAdminAddsAnIntegrationAndIssuesItsTokenOnce() {
        String email = "shop-" + unique() + "@test.redress";
        page.navigate(url("/admin/users"));

        page.getByLabel("System").fill("Web shop");
        page.locator("#integration-email").fill(email);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add integration")).click();
        assertThat(page.locator(".flash.success")).containsText("Added the integration Web shop");
        Locator row = page.locator("tr[data-user='" + email + "']");
        row.getByLabel("Token name").fill("Production");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Issue token")).click();

        String secret = page.getByTestId("secret").textContent().trim();
        org.assertj.core.api.Assertions.assertThat(org.redress.Http.bearer(port, secret).post("/api/v1/complaints",
            complaint("C-" + unique(), "delivery")).status()).isEqualTo(201);
        page.navigate(url("/admin/users"));
        assertThat(page.getByTestId("secret")).hasCount(0);
        assertThat(row).containsText("Production");
    }
}
