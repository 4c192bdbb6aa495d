package org.redress.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.redress.cases.CaseAccess;
import org.redress.cases.CaseManagement;
import org.redress.cases.CaseMessage;
import org.redress.cases.CaseView;
import org.redress.communications.Purpose;
import org.redress.communications.ToneCoach;
import org.redress.identity.RedressUser;
import org.redress.promises.PromiseKeeping;
import org.redress.shared.Conflict;
import org.redress.sla.SlaClocks;
import org.springframework.stereotype.Component;

/**
 * What a case's own record says about how it was handled, for a reviewer who may open it: the
 * case, and the ratings its steps, time targets, promises and recorded words suggest.
 */
@Component
class CaseEvidence {

    record Evidence(CaseView view, Map<String, Suggestions.Suggestion> suggestions) {}

    private final CaseManagement cases;
    private final CaseAccess access;
    private final SlaClocks clocks;
    private final PromiseKeeping promises;
    private final ToneCoach coach;

    CaseEvidence(CaseManagement cases, CaseAccess access, SlaClocks clocks, PromiseKeeping promises, ToneCoach coach) {
        this.cases = cases;
        this.access = access;
        this.clocks = clocks;
        this.promises = promises;
        this.coach = coach;
    }

    /** Refuses (audited) unless the reviewer may open the case. */
    void requireAccess(RedressUser reviewer, long caseId) {
        access.require(caseId, reviewer.actor(), "quality.review");
    }

    Evidence of(RedressUser reviewer, long caseId) {
        requireAccess(reviewer, caseId);
        CaseView view = cases.view(caseId);
        return new Evidence(view, Suggestions.of(view, clocks.of(caseId), promises.ofCase(caseId),
            words -> coach.review(words, Purpose.APOLOGY, "email", "en").stream().map(ToneCoach.Finding::rule).toList()));
    }

    /**
     * The case and its messages, to make a scenario from, with the names of everyone on it (the
     * customer, the assignee, whoever did a step or wrote a message) taken out; refuses (audited)
     * unless the lead may open it.
     */
    CaseScenario.Draft scenario(RedressUser lead, long caseId) {
        access.require(caseId, lead.actor(), "training.scenario");
        CaseView view = cases.view(caseId);
        if (!view.closed()) {
            throw new Conflict(view.number() + " is still open: make scenarios from resolved cases.");
        }
        List<CaseMessage> messages = cases.messages(caseId);
        List<@Nullable String> people = new ArrayList<>(Arrays.asList(view.customer().displayName(), view.customer().name(),
            view.assignee() == null ? null : view.assignee().name()));
        view.steps().forEach(step -> people.add(step.doneBy()));
        messages.forEach(message -> people.add(message.author()));
        return CaseScenario.of(view, messages, Anonymiser.knowing(people, Arrays.asList(view.customer().externalRef(),
            view.customer().phone(), view.customer().email())));
    }

    ReviewDraft draft(RedressUser reviewer, long caseId, Scorecard scorecard) {
        Evidence evidence = of(reviewer, caseId);
        CaseView c = evidence.view();
        List<ReviewDraft.Item> items = scorecard.items().stream().map(item -> {
            Suggestions.Suggestion suggestion = evidence.suggestions().get(item.code());
            return new ReviewDraft.Item(item.code(), item.label(), item.guidance(), item.weight(),
                suggestion == null ? null : suggestion.rating(), suggestion == null ? null : suggestion.why());
        }).toList();
        Map<String, Rating> suggested = new HashMap<>();
        evidence.suggestions().forEach((code, suggestion) -> suggested.put(code, suggestion.rating()));
        return new ReviewDraft(c.id(), c.number(), c.subject(), c.assignee() == null ? null : c.assignee().id(),
            c.assignee() == null ? null : c.assignee().name(), scorecard.version(), items, scorecard.score(suggested));
    }
}
