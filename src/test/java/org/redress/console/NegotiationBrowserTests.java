package org.redress.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** An agent offers a refund; the customer, in a browser of their own, counters; the agent agrees; the customer sees the terms. */
class NegotiationBrowserTests extends BrowserTest {

    @Test
    void anAgentAndACustomerAgreeOnARefundThroughTheCustomersLink() {
        String email = "agnes-" + unique() + "@test.redress";
        admin().post("/api/v1/users", Map.of("email", email, "name", "Agnes Agent", "password", "agnes-password-1", "role", "agent"));
        tools.jackson.databind.JsonNode opened = open(admin(), "C-" + unique());
        String number = opened.get("number").asString();
        heard(admin(), "/api/v1/cases/" + number);
        page.context().clearCookies();
        signIn(email, "agnes-password-1");
        page.navigate(url("/cases/" + number));

        Locator remedies = page.getByTestId("remedies");
        assertThat(remedies.getByTestId("suggestion")).containsText("Fair offer: refund 20.00–60.00 EUR");
        remedies.locator("summary", new Locator.LocatorOptions().setHasText("Give a remedy")).click();
        remedies.getByLabel("Remedy").selectOption("refund");
        remedies.getByLabel("Amount (EUR)").fill("30.00");
        remedies.getByLabel("What for").fill("Broken vase");
        remedies.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Give remedy")).click();
        assertThat(remedies.locator(".flash.success")).containsText("Granted: Refund of 30.00 EUR: Broken vase");

        remedies.getByLabel("Deliver by").fill(today().plusDays(3).toString());
        remedies.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Offer to the customer")).click();
        // One offer, one message, one link: the page says what was sent, and the link it shows is the one in it.
        assertThat(remedies.locator(".flash.success")).containsText("Offered. We have emailed our proposal to "
            + opened.get("customer").get("email").asString());
        String link = remedies.getByLabel("The customer's link to this offer (for them only)").inputValue();
        assertThat(remedies.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Copy link"))).isVisible();
        java.util.List<String> linked = jdbc.sql("select body_text from outbox where case_id = ? and body_text like '%/c/%'")
            .param(opened.get("id").asLong()).query(String.class).list();
        org.assertj.core.api.Assertions.assertThat(linked).singleElement()
            .satisfies(body -> org.assertj.core.api.Assertions.assertThat(body).contains(link.substring(link.indexOf("/c/"))));
        assertThat(page.getByTestId("composer").getByLabel("Template").locator("option[value=OFFER]")).hasCount(0);

        BrowserContext phone = page.context().browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
            .setViewportSize(390, 844));
        try {
            Page customer = phone.newPage();
            customer.navigate(link);
            assertThat(customer.locator("h1")).hasText("Parcel arrived broken");
            assertThat(customer.locator("section.offer")).containsText("Refund of 30.00 EUR: Broken vase");
            customer.locator("summary", new Page.LocatorOptions().setHasText("Propose something else")).click();
            customer.getByLabel("Another amount (EUR), if you wish").fill("45.00");
            customer.getByLabel("What would put this right for you?").fill("The vase cost 45 euros");
            customer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send my proposal")).click();
            assertThat(customer.getByRole(AriaRole.STATUS)).containsText("We have your proposal");

            page.reload();
            assertThat(remedies.locator("[data-state=COUNTERED]")).containsText("asks for 45.00 EUR. The vase cost 45 euros");
            remedies.getByLabel("Deliver by").fill(today().plusDays(3).toString());
            remedies.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Accept their proposal")).click();
            assertThat(remedies.locator(".flash.success")).containsText("Agreed with the customer: Refund of 45.00 EUR");

            customer.reload();
            // Their words stay theirs: with the remedy and in the story of the negotiation, not in its title.
            assertThat(customer.getByTestId("agreed")).containsText("Refund of 45.00 EUR: Broken vase");
            assertThat(customer.getByTestId("agreed")).not().containsText("as the customer asked");
            assertThat(customer.getByTestId("negotiation")).containsText("We proposed: Refund of");
            assertThat(customer.getByTestId("negotiation")).containsText("You proposed 45.00 EUR instead of");
            assertThat(customer.getByTestId("negotiation")).containsText("The vase cost 45 euros");
            assertThat(customer.getByTestId("negotiation")).containsText("We agreed to what you proposed: Refund of 45.00 EUR");
            assertThat(customer.getByTestId("agreed")).containsText("We will deliver it by");
            assertThat(customer.locator("section.history")).containsText("Here is what we agreed: Refund of 45.00 EUR");
        } finally {
            phone.close();
        }
    }

    @Test
    void anAgentAnswersTheCustomersCounterWithACounterOfTheirOwnAndTheCustomerSeesTheStory() {
        tools.jackson.databind.JsonNode opened = open(admin(), "C-" + unique());
        String number = opened.get("number").asString();
        heard(admin(), "/api/v1/cases/" + number);
        long offered = admin().post("/api/v1/cases/" + number + "/remedies", Map.of("type", "refund", "amount", "30.00",
            "description", "Scratched table")).json().get("id").asLong();
        String link = admin().post("/api/v1/remedies/" + offered + "/offer", Map.of("deliverBy", today().plusDays(2).toString()))
            .json().get("customerLink").asString();
        org.redress.Http.anonymous(port).postFormWithCsrf(link.substring(link.indexOf("/c/")),
            link.substring(link.indexOf("/c/")) + "/offers/" + offered + "/counter", Map.of("amount", "90.00", "note", "It is ruined"));

        page.navigate(url("/cases/" + number));
        Locator remedies = page.getByTestId("remedies");
        Locator counterBack = remedies.getByTestId("counter-back");
        counterBack.getByLabel("Or propose (EUR)").fill("60.00");
        counterBack.getByLabel("Deliver our offer by").fill(today().plusDays(4).toString());
        counterBack.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Make our counter-offer")).click();
        assertThat(remedies.locator(".flash.success")).containsText("Our counter-offer went to the customer: Refund of 60.00 EUR");
        assertThat(remedies.locator("[data-state=OFFERED]")).containsText("Refund of 60.00 EUR: Scratched table");

        BrowserContext phone = page.context().browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
            .setViewportSize(390, 844));
        try {
            Page customer = phone.newPage();
            customer.navigate(link);
            assertThat(customer.locator("section.offer")).containsText("Refund of 60.00 EUR: Scratched table");
            Locator story = customer.getByTestId("negotiation");
            assertThat(story).containsText("We proposed: Refund of 30.00 EUR");
            assertThat(story).containsText("You proposed 90.00 EUR instead of");
            assertThat(story).containsText("It is ruined");
            assertThat(story).containsText("We proposed: Refund of 60.00 EUR");
        } finally {
            phone.close();
        }
    }

    @Test
    void aCounterApprovedByALeadLeavesThePlaybookPastResolveWithOnePromise() {
        long team = newTeam("Dresses");
        String agentEmail = "cora-" + unique() + "@test.redress";
        long coraId = admin().post("/api/v1/users", Map.of("email", agentEmail, "name", "Cora Agent " + unique(),
            "password", "cora-password-1", "role", "agent", "teamId", team)).json().get("id").asLong();
        String leadEmail = "lars-" + unique() + "@test.redress";
        String leadName = "Lars Lead " + unique();
        admin().post("/api/v1/users", Map.of("email", leadEmail, "name", leadName, "password", "lars-password-12", "role", "lead",
            "teamId", team));
        tools.jackson.databind.JsonNode opened = open(admin(), "C-" + unique());
        String number = opened.get("number").asString();
        org.redress.Http cora = org.redress.Http.basic(port, agentEmail, "cora-password-1");
        admin().post("/api/v1/cases/" + number + "/assign", Map.of("assigneeId", coraId));
        heard(cora, "/api/v1/cases/" + number);
        long offered = cora.post("/api/v1/cases/" + number + "/remedies", Map.of("type", "refund", "amount", "40.00",
            "description", "Ruined dress")).json().get("id").asLong();
        String link = cora.post("/api/v1/remedies/" + offered + "/offer", Map.of("deliverBy", today().plusDays(2).toString()))
            .json().get("customerLink").asString();

        BrowserContext phone = page.context().browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
            .setViewportSize(390, 844));
        try {
            Page customer = phone.newPage();
            customer.navigate(link);
            customer.locator("summary", new Page.LocatorOptions().setHasText("Propose something else")).click();
            customer.getByLabel("Another amount (EUR), if you wish").fill("150.00");
            customer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send my proposal")).click();
            assertThat(customer.getByRole(AriaRole.STATUS)).containsText("We have your proposal");
        } finally {
            phone.close();
        }

        page.context().clearCookies();
        signIn(agentEmail, "cora-password-1");
        page.navigate(url("/cases/" + number));
        Locator remedies = page.getByTestId("remedies");
        remedies.getByLabel("Deliver by").fill(today().plusDays(5).toString());
        remedies.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Accept their proposal")).click();
        assertThat(remedies.locator(".flash.success")).containsText("sent for approval");
        assertThat(page.locator("li[data-step=RESOLVE]")).not().hasClass(java.util.regex.Pattern.compile(".*\\bdone\\b.*"));

        page.context().clearCookies();
        signIn(leadEmail, "lars-password-12");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Approvals")).click();
        Locator request = page.locator("tr", new Page.LocatorOptions().setHasText("Refund of 150.00 EUR"));
        request.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Approve")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Approved: Refund of 150.00 EUR");

        page.navigate(url("/cases/" + number));
        Locator resolve = page.locator("li[data-step=RESOLVE]");
        assertThat(resolve).hasClass(java.util.regex.Pattern.compile(".*\\bdone\\b.*"));
        assertThat(resolve).containsText(leadName);
        assertThat(resolve).containsText("Refund of 150.00 EUR: Ruined dress");
        assertThat(page.getByTestId("status")).hasText("Resolution agreed");
        assertThat(page.getByTestId("next-step")).not().containsText("Resolve");
        Locator promises = page.getByTestId("promises");
        assertThat(promises.locator(".clock")).hasCount(1);
        assertThat(promises).containsText("Deliver: Refund of 150.00 EUR: Ruined dress");

        // Recording Resolve by hand refines the agreement: still one promise, and one confirmation to the customer.
        resolve.locator("summary", new Locator.LocatorOptions().setHasText("Update")).click();
        resolve.getByLabel("Resolution agreed with the customer").fill("Refund of 150.00 EUR for the dress, to the original card");
        resolve.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Record: Resolve")).click();
        assertThat(page.locator("li[data-step=RESOLVE]")).containsText("to the original card");
        assertThat(page.getByTestId("promises").locator(".clock")).hasCount(1);
        assertThat(page.getByTestId("promises")).containsText("to the original card");
        org.assertj.core.api.Assertions.assertThat(jdbc.sql(
                "select count(*) from outbox where case_id = ? and subject like '%what we agreed'")
            .param(opened.get("id").asLong()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anOfferWaitsUntilTheCustomerIsAcknowledgedAndHeard() {
        String number = open(admin(), "C-" + unique()).get("number").asString();
        page.navigate(url("/cases/" + number));
        Locator remedies = page.getByTestId("remedies");
        remedies.locator("summary", new Locator.LocatorOptions().setHasText("Give a remedy")).click();
        remedies.getByLabel("Remedy").selectOption("goodwill");
        remedies.getByLabel("Amount (EUR)").fill("5.00");
        remedies.getByLabel("What for").fill("Flowers");
        remedies.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Give remedy")).click();

        assertThat(remedies.getByTestId("no-offer")).containsText("Acknowledge and listen to the customer");
        assertThat(remedies.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Offer to the customer"))).hasCount(0);

        Locator acknowledge = page.locator("form[data-form=ACKNOWLEDGE]");
        acknowledge.locator("textarea").fill("Thank you for telling us; I am looking into it now.");
        acknowledge.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Record: Acknowledge")).click();
        Locator listen = page.locator("form[data-form=LISTEN]");
        listen.locator("textarea").fill("The vase was in pieces when the box was opened.");
        listen.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Record: Listen")).click();

        assertThat(page.getByTestId("remedies").getByRole(AriaRole.BUTTON,
            new Locator.GetByRoleOptions().setName("Offer to the customer"))).isVisible();
    }

    @Test
    void aLeadApprovesARequestBeyondTheAgentsAuthorityInTheConsole() {
        String agentEmail = "art-" + unique() + "@test.redress";
        admin().post("/api/v1/users", Map.of("email", agentEmail, "name", "Art Agent", "password", "art-password-12",
            "role", "agent"));
        String number = open(admin(), "C-" + unique()).get("number").asString();
        org.redress.Http art = org.redress.Http.basic(port, agentEmail, "art-password-12");
        long id = art.post("/api/v1/cases/" + number + "/remedies", Map.of("type", "refund", "amount", "120.00",
            "description", "Ruined wedding dress")).json().get("id").asLong();
        String leadEmail = "lea-" + unique() + "@test.redress";
        admin().post("/api/v1/users", Map.of("email", leadEmail, "name", "Lea Lead", "password", "lea-password-123", "role", "lead"));
        page.context().clearCookies();
        signIn(leadEmail, "lea-password-123");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Approvals")).click();
        Locator request = page.locator("tr[data-remedy='" + id + "']");
        assertThat(request).containsText("Refund of 120.00 EUR: Ruined wedding dress");
        assertThat(request).containsText("Art Agent");
        request.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Approve")).click();

        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Approved: Refund of 120.00 EUR");
        assertThat(request).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(admin().get("/api/v1/remedies/" + id).json().get("grantedBy").asString())
            .isEqualTo("Lea Lead");
    }
}
