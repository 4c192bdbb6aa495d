package org.redress.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.redress.cases.CaseScope;
import org.redress.cases.CaseSearch;
import org.redress.cases.CaseSummary;
import org.redress.cases.Outcome;
import org.redress.identity.RedressUser;
import org.redress.identity.UserManagement;
import org.redress.training.Quiz;
import org.redress.training.Quizzes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Training for the demo, after its reviews ({@link DemoReviews}): Mia (manager) has written a
 * quiz on the first answer and a scenario, and set a certification that raises refunds to 120
 * per case; Ana passed the quiz and, with Lena's review of her work, is certified; Ben missed
 * two questions (one answer blamed the customer), which now wait on his practice list; Lena
 * made a scenario from one of Ana's resolved cases and published it.
 */
@Component
@Order(30)
class DemoTraining implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoTraining.class);

    private final boolean enabled;
    private final UserManagement users;
    private final CaseSearch search;
    private final Quizzes quizzes;
    private final DemoScenarios scenarios;

    DemoTraining(@Value("${redress.demo:false}") boolean enabled, UserManagement users, CaseSearch search, Quizzes quizzes,
                 DemoScenarios scenarios) {
        this.enabled = enabled;
        this.users = users;
        this.search = search;
        this.quizzes = quizzes;
        this.scenarios = scenarios;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled && !args.containsOption("demo")) {
            return;
        }
        Optional<RedressUser> mia = person("mia@demo.redress");
        Optional<RedressUser> lena = person("lena@demo.redress");
        Optional<RedressUser> ana = person("ana@demo.redress");
        Optional<RedressUser> ben = person("ben@demo.redress");
        if (mia.isEmpty() || lena.isEmpty() || ana.isEmpty() || ben.isEmpty() || !quizzes.list(mia.get()).isEmpty()) {
            return;
        }
        Quiz quiz = quizzes.define(mia.get(), "FIRST_ANSWER", "The first answer",
            "Acknowledge, apologise, own our part, give a date; remedies within authority; what to say in public.", 80, QUESTIONS);
        scenarios.certification(mia.get());
        List<Long> ids = quiz.items().stream().map(Quiz.Question::id).toList();
        quizzes.take(ana.get(), quiz.id(), answers(ids, "1", "1", "0", "I am so sorry: we charged you twice and then did not answer "
            + "you, that is on us. I have refunded the second charge today and you will see it by Friday.", "1"));
        quizzes.take(ben.get(), quiz.id(), answers(ids, "0", "1", "0", "You should have checked your statement before writing. "
            + "We will look into it.", "1"));
        scenarios.write(mia.get());
        recovered(ana.get()).ifPresent(caseId -> scenarios.fromCase(lena.get(), caseId));
        log.info("Demo data: a quiz, a certification (Ana holds it), two scenarios (Training page).");
    }

    private static Map<String, String> answers(List<Long> ids, String... given) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            answers.put(String.valueOf(ids.get(i)), given[i]);
        }
        return answers;
    }

    private Optional<RedressUser> person(String email) {
        return users.users().stream().filter(user -> user.email().equals(email)).findFirst()
            .flatMap(user -> users.signedInAs(user.id()));
    }

    // The agent's newest case closed as recovered that no review was made on (the demo reviews the two newest).
    private Optional<Long> recovered(RedressUser agent) {
        return search.page(new CaseSearch.Filter("CLOSED", agent.id(), false, null, null, null), CaseScope.EVERY_CASE, null, 20)
            .items().stream().filter(c -> c.outcome() == Outcome.RECOVERED).map(CaseSummary::id).skip(2).findFirst();
    }

    private static final List<Quizzes.ItemRequest> QUESTIONS = List.of(
        new Quizzes.ItemRequest("CHOICE", "NEXT_STEP", "A customer writes that their order arrived broken, the second time this month. "
            + "What do you do first?", List.of("Ask for photos of the damage before anything else",
                "Thank them, apologise, own our part and say what happens next and by when", "Explain that the courier handles breakages",
                "Send a 10% discount code"), 1, null,
            "Acknowledge first: the customer needs to know they were heard and what happens next; evidence can follow."),
        new Quizzes.ItemRequest("CHOICE", "REMEDY", "You may refund up to 50.00 per case. The fair offer for this late delivery is 40.00 "
            + "to 60.00. What do you offer?", List.of("60.00 at once: it is in the fair range",
                "40.00 at once, or propose more for approval if the case warrants it", "Nothing until the customer asks",
                "The whole order, to be safe"), 1, null,
            "Within your authority you grant at once; above it you propose and a lead approves. Never promise what you may not grant."),
        new Quizzes.ItemRequest("CHOICE", "PUBLIC_REPLY", "A customer posts in public that they have waited two weeks for a refund. "
            + "What do you reply there?", List.of("A short apology, that you are on it, and an invitation to a private channel",
                "The whole story of the refund, with the order number", "Nothing: answer only in private",
                "That refunds take 14 days by policy"), 0, null,
            "In public: acknowledge, apologise briefly and move to a private channel; never personal details, never policy."),
        new Quizzes.ItemRequest("WRITTEN", "WRITTEN_REPLY", "Write the first answer to: \"I was charged twice for the same order and "
            + "nobody answers my emails.\"", null, null, List.of("APOLOGY", "OWN_PART", "DATE"),
            "For example: \"I am sorry: we charged you twice and then left you without an answer, that is on us. I have refunded the "
                + "second charge today; you will see it within 3 days.\""),
        new Quizzes.ItemRequest("CHOICE", "NEXT_STEP", "The remedy was delivered yesterday. What now?", List.of(
                "Close the case: the remedy was delivered", "Ask the customer whether it put things right, and listen",
                "Send a survey link without a word", "Hand it to a manager"), 1, null,
            "Follow up: delivery is not recovery until the customer says it put things right."));
}
