package org.redress.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** The console in a real browser (Debian's Chromium), as an agent uses it. */
class ConsoleBrowserTests extends BrowserTest {

    @Test
    void anAgentWalksACaseFromTheQueueThroughThePlaybook() {
        String subject = "Lamp arrived broken " + unique();
        Map<String, Object> body = new java.util.HashMap<>(complaint("C-" + unique(), "delivery"));
        body.put("subject", subject);
        body.put("severity", 1);
        admin().post("/api/v1/complaints", body);
        String agentEmail = "walker-" + unique() + "@test.redress";
        admin().post("/api/v1/users", Map.of("email", agentEmail, "name", "Wanda Walker", "password", "wanda-password-1",
            "role", "agent"));
        page.context().clearCookies();
        signIn(agentEmail, "wanda-password-1");

        page.navigate(url("/cases?queue=open"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(subject)).click();

        Locator next = page.getByTestId("next-step");
        Locator timeline = page.getByTestId("timeline");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(subject))).isVisible();
        assertThat(next).containsText("Acknowledge");
        assertThat(page.getByText("The box was crushed and the vase inside is in pieces.")).isVisible();

        Locator acknowledge = page.locator("form[data-form=ACKNOWLEDGE]");
        acknowledge.locator("textarea").fill("Thank you for telling us; I am on it.");
        acknowledge.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Record: Acknowledge")).click();
        assertThat(next).containsText("Listen");
        assertThat(page.getByTestId("status")).hasText("In progress");
        assertThat(timeline).containsText("Acknowledged the complaint");

        Locator listen = page.locator("form[data-form=LISTEN]");
        listen.locator("textarea").fill("Box crushed on arrival; courier left it at the gate.");
        listen.getByRole(AriaRole.BUTTON).click();
        assertThat(next).containsText("Apologize");

        Locator apologize = page.locator("form[data-form=APOLOGIZE]");
        apologize.locator("textarea").fill("I am truly sorry.");
        apologize.getByRole(AriaRole.BUTTON).click();
        assertThat(next).containsText("Identify the cause");

        Locator cause = page.locator("form[data-form=IDENTIFY_CAUSE]");
        cause.locator("select[name=rootCause]").selectOption("carrier-delay");
        cause.locator("select[name=responsibility]").selectOption("partly-ours");
        cause.getByRole(AriaRole.BUTTON).click();

        assertThat(next).containsText("Explain");
        assertThat(timeline).containsText("Identified the cause: carrier-delay (our part: partly ours)");
        // One conversation: opened, the customer's complaint, four steps, and the update that told the customer
        // the complaint was received, in the agent's words.
        assertThat(timeline.locator("li")).hasCount(7);
        assertThat(timeline.locator("[data-from=us]")).containsText("Thank you for telling us; I am on it.");
        assertThat(page.locator("li[data-step=IDENTIFY_CAUSE]")).containsText("Wanda Walker");
    }

    @Test
    void theAcknowledgementTheAgentWritesIsWhatTheCustomerReceives() {
        tools.jackson.databind.JsonNode opened = open(admin(), "C-" + unique());
        String number = opened.get("number").asString();
        page.navigate(url("/cases/" + number));
        Locator acknowledge = page.locator("form[data-form=ACKNOWLEDGE]");
        assertThat(acknowledge.locator("label")).containsText("emailed to c-");

        acknowledge.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Start from the acknowledgement template")).click();
        assertThat(acknowledge.locator("textarea")).hasValue(java.util.regex.Pattern.compile("^Dear Maria Lopez,"));
        String written = "Dear Maria, I am sorry about the vase. I have asked the courier what happened and will write by 5 pm.";
        acknowledge.locator("textarea").fill(written);
        acknowledge.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Record: Acknowledge")).click();

        assertThat(page.locator("li[data-step=ACKNOWLEDGE]")).containsText(written);
        assertThat(page.locator("[data-from=us]").last()).containsText(written);
        java.util.List<String> sent = jdbc.sql("select body_text from outbox where case_id = ?")
            .param(opened.get("id").asLong()).query(String.class).list();
        assertThat(sent).singleElement().satisfies(body -> assertThat(body).startsWith(written)
            .doesNotContain("We have received your message"));
    }

    @Test
    void theCustomersWordsAreOnlyWhatTheCustomerWrote() {
        String number = open(admin(), "C-" + unique()).get("number").asString();
        admin().post("/api/v1/cases/" + number + "/replies", Map.of("subject", "Your vase",
            "text", "I am sorry your vase arrived broken. A new one leaves today; I will write again tomorrow."));

        page.navigate(url("/cases/" + number));

        // One conversation in time order: the customer's words marked as theirs, our reply as ours.
        Locator theirs = page.locator("[data-from=customer]");
        Locator ours = page.locator("[data-from=us]");
        assertThat(theirs).hasCount(1);
        assertThat(theirs).containsText("The box was crushed and the vase inside is in pieces.");
        assertThat(theirs).not().containsText("A new one leaves today");
        assertThat(ours).containsText("Your vase");
        assertThat(ours).containsText("A new one leaves today");
        assertThat(page.locator(".thread > li").first()).hasAttribute("data-from", "customer");
    }

    @Test
    void aRefusedActionIsExplainedOnThePage() {
        String subject = "Charged twice " + unique();
        Map<String, Object> body = new java.util.HashMap<>(complaint("C-" + unique(), "billing"));
        body.put("subject", subject);
        String number = admin().post("/api/v1/complaints", body).json().get("number").asString();
        page.navigate(url("/cases/" + number));

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close case")).click();

        // Said where the agent acted (in the Close card, not at the top of the page), announced and focused.
        Locator refusal = page.locator("[data-error-for=close]");
        assertThat(refusal).hasAttribute("role", "alert");
        assertThat(refusal).containsText("Cannot close " + number + " as recovered yet");
        assertThat(refusal).isFocused();
        assertThat(page.locator(".card", new Page.LocatorOptions().setHas(page.getByRole(AriaRole.BUTTON,
            new Page.GetByRoleOptions().setName("Close case"))))).containsText("Cannot close " + number);
        assertThat(page.getByTestId("status")).hasText("New");
    }

    @Test
    void afterAStepIsRecordedFocusMovesToTheNextStep() {
        String number = open(admin(), "C-" + unique()).get("number").asString();
        page.navigate(url("/cases/" + number));

        Locator acknowledge = page.locator("form[data-form=ACKNOWLEDGE]");
        acknowledge.locator("textarea").fill("Thank you for telling us; I am on it.");
        acknowledge.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Record: Acknowledge")).click();

        assertThat(page.locator("li[data-step=LISTEN]")).isFocused();
        assertThat(page.locator("[data-error-for]")).hasCount(0);
    }

    @Test
    void aPhoneComplaintIsLoggedByHand() {
        String subject = "Technician never came " + unique();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Log a complaint").setExact(true)).first().click();

        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Jonas Weber");
        page.getByLabel("Email", new Page.GetByLabelOptions().setExact(true)).fill("jonas-" + unique() + "@example.com");
        page.getByLabel("Channel").selectOption("phone");
        page.getByLabel("Category").selectOption("service");
        page.getByLabel("Subject").fill(subject);
        page.getByLabel("In the customer's words").fill("I took a day off and nobody came.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open case")).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(subject))).isVisible();
        assertThat(page.getByTestId("timeline")).containsText("Complaint received via phone");
        assertThat(page.url()).matches(".*/cases/RC-\\d{6}$");
    }

    @Test
    void aComplaintWithoutContactDetailsIsRefusedWithTheReason() {
        page.navigate(url("/cases/new"));
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Anonymous");
        page.getByLabel("Subject").fill("Rude staff");
        page.getByLabel("In the customer's words").fill("The cashier shouted at me.");
        long before = count("recovery_cases");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open case")).click();

        assertThat(page.getByRole(AriaRole.ALERT)).containsText("externalRef or an email");
        assertThat(page.getByLabel("Subject")).hasValue("Rude staff");
        assertThat(count("recovery_cases")).isEqualTo(before);
    }

    @Test
    void theFindBoxOpensACaseByNumberAndShowsTheCustomersOtherCases() {
        String ref = "C-" + unique();
        String billing = admin().post("/api/v1/complaints", complaint(ref, "billing")).json().get("number").asString();
        String delivery = open(admin(), ref).get("number").asString();

        page.getByLabel("Find a case or customer").fill(delivery.toLowerCase());
        page.getByLabel("Find a case or customer").press("Enter");

        assertThat(page).hasURL(url("/cases/" + delivery));
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(billing))).isVisible();
    }

    @Test
    void myOpenPromisesAreListedAndCanBeKeptFromTheCase() {
        String number = open(admin(), "C-" + unique()).get("number").asString();
        String promise = "A technician will call " + unique();
        admin().post("/api/v1/cases/" + number + "/promises", Map.of("description", promise,
            "dueAt", java.time.Instant.now().plus(java.time.Duration.ofHours(3)).toString()));

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Promises").setExact(true)).click();
        assertThat(page.locator("table.list")).containsText(promise);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(number)).first().click();

        Locator card = page.getByTestId("promises");
        assertThat(card).containsText(promise);
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Mark kept")).click();
        assertThat(card).containsText("Kept");
    }

    @Test
    void anUnknownCaseShowsAReadablePage() {
        page.navigate(url("/cases/RC-99999999"));

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Not found"))).isVisible();
        assertThat(page.getByText("There is no case RC-99999999.")).isVisible();
    }

    @Test
    void aQueueLinkWithAValueItCannotUseShowsAReadablePage() {
        com.microsoft.playwright.Response response = page.navigate(url("/cases?page=abc"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Cannot show that"))).isVisible();
        assertThat(page.locator("main")).containsText("page 'abc' is not a number");
    }

    @Test
    void aMissedTargetIsAnAlertAndLeadsTheQueueSortedByTimeLeft() {
        long me = admin().get("/api/v1/me").json().get("id").asLong();
        tools.jackson.databind.JsonNode opened = open(admin(), "C-" + unique());
        String number = opened.get("number").asString();
        admin().post("/api/v1/cases/" + number + "/assign", Map.of("assigneeId", me));
        jdbc.sql("update sla_clocks set warn_at = current_timestamp - interval '2' minute, due_at = current_timestamp - interval '1' minute"
            + " where case_id = ? and target = 'ACKNOWLEDGE'").param(opened.get("id").asLong()).update();
        clocksMoved(opened.get("id").asLong());

        // The sweep runs every two seconds on its own.
        Locator alert = page.locator("tr[data-kind='sla.breached']", new Page.LocatorOptions().setHasText(number));
        page.navigate(url("/alerts"));
        for (int tries = 0; tries < 60 && alert.count() == 0; tries++) {
            page.waitForTimeout(500);
            page.reload();
        }
        assertThat(alert).containsText(number + " missed its target: acknowledge was due");
        assertThat(page.locator(".alerts-link .count")).isVisible();

        alert.getByRole(AriaRole.BUTTON).click();
        assertThat(page).hasURL(url("/cases/" + number));

        page.navigate(url("/cases?queue=mine"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("time left")).click();
        Locator row = page.locator("table.list tbody tr", new Page.LocatorOptions().setHasText(number));
        assertThat(row.locator("td.due")).containsText("overdue by");
        assertThat(page.locator("table.list tbody tr").first().locator("td.due")).containsText("overdue by");
    }

    @Test
    void anAgentWritesFromATemplateSeesToneHintsAsTheyTypeAndSends() {
        String number = open(admin(), "C-" + unique()).get("number").asString();
        // The composer arrives by htmx after the page; a choice made before htmx has wired it
        // up would go nowhere (no person is that fast), so wait for htmx's own "loaded" event.
        page.addInitScript("document.addEventListener('htmx:load', e => {"
            + " if (e.target.id === 'composer') { window.composerReady = true; } })");
        page.navigate(url("/cases/" + number));
        Locator composer = page.getByTestId("composer");
        page.waitForFunction("() => window.composerReady === true");

        composer.getByLabel("Template").selectOption("APOLOGY");
        assertThat(composer.getByLabel("Subject")).hasValue("We are sorry (" + number + ")");
        assertThat(composer.getByLabel("Message")).hasValue(java.util.regex.Pattern.compile("^Dear Maria Lopez,"));

        composer.getByLabel("Message").fill("Per our policy you should have checked the box!!");
        composer.getByLabel("Message").press("End");
        Locator hints = page.getByTestId("tone-hints");
        assertThat(hints.locator("li[data-rule=BLAME]")).containsText("Do not put it on the customer");
        assertThat(hints.locator("li[data-rule=SHOUTING]")).isVisible();
        assertThat(hints.locator("li[data-rule=MISSING_APOLOGY]")).isVisible();

        composer.getByLabel("Message").fill("I am sorry, Maria. We got this wrong, and a new vase leaves today.");
        composer.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send email")).click();

        assertThat(page.getByTestId("composer").locator(".flash.success")).containsText("Queued for sending");
        assertThat(page.getByTestId("composer").locator(".sent-message")).containsText("We are sorry (" + number + ")");
    }

    @Test
    void customersAreListedFiftyAPageAndTheSearchPagesOnToTheOldest() {
        String tag = unique();
        jdbc.sql("""
                insert into customers (external_ref, name, tier, created_at, updated_at, version)
                select 'paged-' || ? || '-' || n, 'Paged Customer ' || n, 'standard', current_timestamp, current_timestamp, 1
                from generate_series(1, 60) as n""").param(tag).update();

        page.navigate(url("/customers?q=paged-" + tag));
        Locator rows = page.locator("table.list tbody tr");
        assertThat(rows).hasCount(50);
        assertThat(rows.first()).containsText("paged-" + tag + "-60");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Older customers")).click();

        assertThat(rows).hasCount(10);
        assertThat(rows.first()).containsText("paged-" + tag + "-10");
        assertThat(rows.last()).containsText("paged-" + tag + "-1");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Older customers"))).hasCount(0);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Newest")).click();
        assertThat(rows).hasCount(50);
    }
}
