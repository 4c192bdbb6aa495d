package org.redress.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** Surveys and silent customers in the console, and the survey page on a phone. */
class ProactiveBrowserTests extends BrowserTest {

    @Test
    void aSurveyMadeInTheConsoleHearsAnUnhappyCustomerWhoAnswersOnTheirPhone() {
        String name = "After delivery " + unique();
        page.navigate(url("/surveys"));
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(name);
        page.getByLabel("Question").fill("How was your delivery?");
        page.getByLabel("DELIVERED").check();
        page.getByLabel("Quiet period (days without another invitation, any survey)").fill("0");
        page.getByLabel("Category of the cases it opens").selectOption("delivery");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create survey")).click();
        assertThat(page.locator(".flash.success")).containsText("Created the survey " + name);
        long surveyId = Long.parseLong(page.url().replaceAll(".*/surveys/", ""));
        // Only this survey invites, whatever earlier tests left active.
        jdbc.sql("update surveys set active = false where id <> ?").param(surveyId).update();

        String ref = "PB-" + unique();
        String email = ref.toLowerCase() + "@example.com";
        sendAndProcess(List.of(event(ref + "-d", "DELIVERED", ref, Instant.now().minusSeconds(20),
            Map.of("email", email, "name", "Lena Fischer"))));
        String body = jdbc.sql("select body_text from outbox where recipient = ?").param(email).query(String.class).single();
        String link = body.substring(body.indexOf("/s/")).split("\\s")[0];

        try (BrowserContext phone = page.context().browser().newContext(new Browser.NewContextOptions()
            .setViewportSize(390, 844).setIsMobile(true))) {
            Page customer = phone.newPage();
            customer.navigate(url(link));
            assertThat(customer.getByRole(AriaRole.HEADING)).hasText("How was your delivery?");
            customer.locator("label:has(input[name=score][value='1'])").click();
            customer.getByLabel("Anything you would like to tell us?").fill("Left in the rain, everything soaked. Terrible.");
            customer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send").setExact(true)).click();
            assertThat(customer.getByTestId("thanks")).containsText("Someone will look at it personally");
        }

        page.navigate(url("/surveys/" + surveyId));
        assertThat(page.getByTestId("survey-results")).containsText("cases opened 1");
        Locator answer = page.locator("table.list tr", new Page.LocatorOptions().setHasText("Lena Fischer"));
        assertThat(answer).containsText("Left in the rain");
        assertThat(answer).containsText("negative");
        jdbc.sql("update surveys set active = false where id = ?").param(surveyId).update();
    }

    @Test
    void aBadSurveyIsExplainedAndNotSaved() {
        String name = "Bad " + unique();
        page.navigate(url("/surveys"));
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(name);
        page.getByLabel("Question").fill("Anything?");
        page.locator("#samplePercent").evaluate("field => field.removeAttribute('max')");
        page.locator("#samplePercent").fill("150");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create survey")).click();

        assertThat(page.getByRole(AriaRole.ALERT)).containsText("from 0 to 100");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("at least one business event type");
        assertThat(page.locator("tr[data-survey='" + name + "']")).hasCount(0);
    }

    @Test
    void theSilentCustomersPageShowsTheIcebergAndWhyEachCustomerIsThere() {
        String ref = "SC-" + unique();
        sendAndProcess(List.of(event(ref + "-f", "DELIVERY_FAILED", ref, Instant.now().minusSeconds(10),
            Map.of("orderId", "Z-9", "name", "Silent " + ref))));

        page.navigate(url("/risk"));

        assertThat(page.getByTestId("iceberg")).containsText("had trouble and said nothing");
        Locator row = page.locator("tr[data-customer='" + ref + "']");
        assertThat(row).containsText("Silent " + ref);
        assertThat(row).containsText("Failed delivery (6.0): Delivery failed (order Z-9)");

        // The customer's own page says the same.
        row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Silent " + ref)).click();
        assertThat(page.getByTestId("customer-risk")).containsText("Failed delivery (6.0): Delivery failed (order Z-9)");

        // Supervisors see the iceberg under their queue too.
        page.navigate(url("/cases"));
        assertThat(page.getByTestId("iceberg")).containsText("complained");
    }

    @Test
    void aRiskScoreAboveTheThresholdIsShownAgainstItNotAsOutOfIt() {
        String ref = "SL-" + unique();
        sendAndProcess(List.of(
            event(ref + "-1", "DELIVERY_FAILED", ref, Instant.now().minusSeconds(20), Map.of("orderId", "Z-1", "name", "Loud " + ref)),
            event(ref + "-2", "DELIVERY_FAILED", ref, Instant.now().minusSeconds(10), Map.of("orderId", "Z-2"))));

        page.navigate(url("/risk"));

        Locator row = page.locator("tr[data-customer='" + ref + "']");
        assertThat(row.getByTestId("score")).hasText(java.util.regex.Pattern.compile("^1\\d\\.\\d$"));
        assertThat(row).not().containsText("/ 10");
        assertThat(page.locator("table.list thead")).containsText("(outreach at 10.0)");
        row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Loud " + ref)).click();
        Locator card = page.getByTestId("customer-risk").getByTestId("score");
        assertThat(card).containsText("(outreach at 10.0)");
        assertThat(card).not().containsText("of 10");
    }

    @Test
    void anAgentAsksTheCustomerHowWeDidFromTheCasePage() {
        String name = "Recovery " + unique();
        long survey = admin().post("/api/v1/surveys", Map.of("name", name, "kind", "CSAT", "purpose", "RECOVERY",
            "question", "How well did we put it right?")).json().get("id").asLong();
        jdbc.sql("update surveys set active = false where id <> ? and purpose = 'RECOVERY'").param(survey).update();
        String number = open(admin(), "RS-" + unique()).get("number").asString();
        String c = "/api/v1/cases/" + number;
        // A new case has no recovery to ask about yet.
        page.navigate(url("/cases/" + number));
        assertThat(page.locator("[hx-get$='/survey']")).hasCount(0);
        assertThat(page.getByTestId("recovery-survey")).hasCount(0);
        admin().post(c + "/acknowledge", Map.of());
        admin().post(c + "/listen", Map.of("account", "Broken"));
        admin().post(c + "/resolve", Map.of("resolution", "Replacement", "promisedBy", today().plusDays(1).toString()));
        admin().post(c + "/fulfil", Map.of());

        page.navigate(url("/cases/" + number));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ask the customer how we did")).click();

        assertThat(page.getByTestId("recovery-survey")).containsText("Sent. The answer will be recorded as the follow-up.");
        page.reload();
        assertThat(page.getByTestId("recovery-survey")).containsText("no answer yet");
        jdbc.sql("update surveys set active = false where id = ?").param(survey).update();
    }
}
