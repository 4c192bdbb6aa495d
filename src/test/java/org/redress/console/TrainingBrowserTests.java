package org.redress.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** An agent plays a scenario through on their training page, then takes a quiz where an answer blaming the customer is marked wrong. */
class TrainingBrowserTests extends BrowserTest {

    @Test
    void anAgentPlaysAScenarioThroughAndAnAnswerBlamingTheCustomerIsMarkedWrong() {
        Person manager = member("manager", null);
        String title = "Late twice " + unique();
        long scenario = manager.http().post("/api/v1/training/scenarios", Map.of("title", title, "summary", "A second late delivery.",
            "script", Map.of("start", "a", "nodes", List.of(
                Map.of("key", "a", "customer", "Late again! Second time this month.", "moves", List.of(
                    Map.of("say", "Sorry, that is on us; it arrives tomorrow.", "better", true, "why", "Apology, ownership, a date.",
                        "next", "b"),
                    Map.of("say", "Couriers are like that.", "better", false, "why", "An excuse that owns nothing.", "next", "b"))),
                Map.of("key", "b", "customer", "So what do I get for the trouble?", "moves", List.of(
                    Map.of("say", "A refund of the delivery charge, today.", "better", true, "why", "Matched to the loss.", "next", "end"),
                    Map.of("say", "Nothing: it is arriving now.", "better", false, "why", "It ignores the trouble.", "next", "end"))),
                Map.of("key", "end", "customer", "Thank you, that is fair."))))).json().get("id").asLong();
        manager.http().post("/api/v1/training/scenarios/" + scenario + "/publish", Map.of());
        String quiz = "Blame " + unique();
        manager.http().post("/api/v1/training/quizzes", Map.of("code", "Q" + unique(), "title", quiz, "description", "No blame.",
            "passPercent", 100, "items", List.of(
                Map.of("kind", "choice", "topic", "next_step", "prompt", "What comes first?", "choices",
                    List.of("Ask for photos", "Acknowledge and apologise"), "correct", 1, "why", "Listen first."),
                Map.of("kind", "written", "topic", "written_reply", "prompt", "Answer: my parcel never came.", "needs", List.of("APOLOGY"),
                    "why", "Say sorry, then what happens and when."))));
        String email = "tia-" + unique() + "@test.redress";
        admin().post("/api/v1/users", Map.of("email", email, "name", "Tia Trainee", "password", "tia-password-1", "role", "agent"));

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        signIn(email, "tia-password-1");
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Sections"))
            .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Training")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("My training"))).isVisible();
        page.getByTestId("scenarios").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(title)).click();

        assertThat(page.getByTestId("conversation")).containsText("Late again! Second time this month.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make this move")).click();
        assertThat(page.locator(".flash.error")).hasText("Choose a move, or write one where you may.");
        page.getByLabel("Couriers are like that.").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make this move")).click();
        Locator moves = page.getByTestId("move");
        assertThat(moves).hasCount(1);
        assertThat(moves.first()).containsText("Not the better move. An excuse that owns nothing.");
        assertThat(page.getByTestId("conversation")).containsText("So what do I get for the trouble?");
        Accessibility.assertNoSeriousViolations(page);
        page.getByLabel("A refund of the delivery charge, today.").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make this move")).click();
        assertThat(moves.nth(1)).containsText("A better move. Matched to the loss.");
        assertThat(page.getByTestId("play-end")).containsText("1 of 2 moves were the better ones.");
        assertThat(page.getByTestId("conversation")).containsText("Thank you, that is fair.");

        page.navigate(url("/training"));
        page.getByTestId("quizzes").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(quiz)).click();
        page.getByLabel("Acknowledge and apologise").check();
        page.getByLabel("Your answer to question 2").fill("You should have been at home. It will come when it comes.");
        Accessibility.assertNoSeriousViolations(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mark my answers")).click();

        assertThat(page.locator(".score-big")).hasText("50%: 1 of 2 right, not passed yet.");
        Locator written = page.getByTestId("marks").locator("li[data-verdict]").nth(1);
        assertThat(written.locator(".badge")).hasText("Wrong");
        assertThat(written).containsText("Do not put it on the customer (\"you should have\")");
        assertThat(written).containsText("It needs a plain apology.");
        Accessibility.assertNoSeriousViolations(page);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("My training").setExact(true)).last().click();
        assertThat(page.getByTestId("practice")).containsText("Nothing due now; 1 later.");
        assertThat(page.getByTestId("quizzes")).containsText("50%");
    }

    @Test
    void aManagerWritesAQuizAndSetsACertificationInTheConsole() {
        String email = "max-" + unique() + "@test.redress";
        admin().post("/api/v1/users", Map.of("email", email, "name", "Max Manager", "password", "max-password-1", "role", "manager"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        signIn(email, "max-password-1");
        page.navigate(url("/training"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Set up training")).click();
        Accessibility.assertNoSeriousViolations(page);

        String code = ("PUB" + unique()).toUpperCase(java.util.Locale.ROOT);
        Locator quiz = page.getByTestId("quiz-form");
        quiz.getByLabel("Code").fill(code);
        quiz.getByLabel("Title").fill("In public " + code);
        quiz.getByLabel("What it practises").fill("What to say where everyone reads it.");
        Locator first = quiz.locator("fieldset").first();
        first.getByLabel("About").selectOption("PUBLIC_REPLY");
        first.getByLabel("The question").fill("A customer complains in public. Reply how?");
        first.getByLabel("Answers to choose from, one a line").fill("Briefly, and move to a private channel\nWith the whole story");
        first.getByLabel("The right one (number)").fill("3");
        first.getByLabel("The better answer and why").fill("Short in public; details in private.");
        quiz.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save the quiz")).click();
        assertThat(page.locator(".flash.error")).containsText("items[0].correct");
        page.getByTestId("quiz-form").locator("fieldset").first().getByLabel("The right one (number)").fill("1");
        page.getByTestId("quiz-form").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save the quiz")).click();
        assertThat(page.locator(".flash.success")).containsText("is ready, with 1 questions");

        Locator rule = page.getByTestId("certification-form");
        rule.getByLabel("Code").fill("C" + code);
        rule.getByLabel("Name").fill("Public voice " + code);
        rule.getByLabel("Quiz to pass").selectOption(code);
        rule.getByLabel("Raises").selectOption("goodwill");
        rule.getByLabel("To at most, per case").fill("40.00");
        rule.getByLabel("And per month").fill("30.00");
        rule.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save the certification")).click();
        assertThat(page.locator(".flash.error")).containsText("Nothing was saved: perMonth must be at least the per-case limit");
        assertThat(page.getByTestId("certification-form").getByLabel("Name")).hasValue("Public voice " + code);
        page.getByTestId("certification-form").getByLabel("And per month").fill("400.00");
        page.getByTestId("certification-form").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
            .setName("Save the certification")).click();
        assertThat(page.locator(".flash.success")).containsText("You may grant goodwill up to 40.00 per case and 400.00 per month");
        assertThat(page.getByTestId("certification-rules")).containsText("Public voice " + code);
    }
}
