package org.redress.remedies;

import java.time.LocalDate;
import java.util.Optional;

import org.redress.cases.Agreement;
import org.redress.cases.CaseManagement;
import org.redress.cases.CaseView;
import org.redress.cases.PlaybookStep;
import org.redress.promises.PromiseKeeping;
import org.redress.shared.Actor;
import org.redress.shared.Conflict;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A remedy agreed with the customer is the case's resolution: the agreement records the
 * Resolve step (with the terms and the delivery date, as concluded by whoever concluded it),
 * which meets the resolve target, makes the one promise and confirms it to the customer
 * once. A second remedy agreed before delivery refines the standing resolution rather than
 * agreeing a second one. Delivering the remedy keeps the promise that stands on it, and
 * once every agreed remedy of the case is delivered, the resolution is fulfilled: the
 * playbook's Fulfil step is recorded, as the agent would have had to do by hand.
 */
@Component
class AgreedRemedies {

    private final CaseManagement cases;
    private final PromiseKeeping promises;
    private final RemedyJournal journal;
    private final Remedies remedies;

    AgreedRemedies(CaseManagement cases, PromiseKeeping promises, RemedyJournal journal, Remedies remedies) {
        this.remedies = remedies;
        this.cases = cases;
        this.promises = promises;
        this.journal = journal;
    }

    /**
     * A remedy offered to or agreed with the customer is how the case's resolution is agreed,
     * so it may be offered or agreed once the case could record one: the customer
     * acknowledged and heard, and what was agreed before not yet delivered.
     */
    void requireAgreeable(long caseId) {
        whyNotAgreeable(caseId).ifPresent(reason -> {
            throw new Conflict(reason);
        });
    }

    /** Why no remedy can be offered or agreed on the case now, if that is so. */
    Optional<String> whyNotAgreeable(long caseId) {
        CaseView c = cases.view(caseId);
        CaseView.StepState resolve = c.step(PlaybookStep.RESOLVE);
        if (c.closed()) {
            return Optional.of(c.number() + " is closed; reopen it before offering a remedy.");
        }
        if (!resolve.available()) {
            return Optional.of("Acknowledge and listen to the customer on " + c.number() + " first: a remedy offered to "
                + "them is how the resolution is agreed, which comes after those steps.");
        }
        if (resolve.done() && !resolve.refinable()) {
            return Optional.of("The resolution agreed on " + c.number() + " has been delivered; a new remedy is agreed "
                + "after a follow-up that finds the customer not satisfied.");
        }
        return Optional.empty();
    }

    /** The remedy is agreed (by the customer's answer, or by us on their proposal): it becomes the case's resolution. */
    void agreed(Remedy remedy, Actor concludedBy, String how) {
        LocalDate deliverBy = remedy.deliverBy();
        if (remedy.id() == null || deliverBy == null) {
            throw new IllegalStateException("an agreed remedy has an id and a delivery date");
        }
        CaseView c = cases.view(remedy.caseId());
        String terms = journal.terms(remedy);
        boolean standing = c.step(PlaybookStep.RESOLVE).done() && c.resolution() != null && c.promisedBy() != null;
        // What was agreed before still stands: this remedy is agreed on top of it.
        String resolution = standing ? c.resolution() + "; and " + terms : terms;
        LocalDate by = standing && c.promisedBy().isAfter(deliverBy) ? c.promisedBy() : deliverBy;
        cases.agreeResolution(c.id(), concludedBy, new Agreement(resolution, by, "remedy:" + remedy.id(),
            remedy.proposedById(), how));
    }

    @EventListener
    void on(RemedyChanged changed) {
        if (changed.state().equals("FULFILLED")) {
            promises.keepFor("remedy:" + changed.remedyId(), Actor.SYSTEM, "The remedy was delivered");
            if ("ACCEPTED".equals(changed.previousState())) {
                fulfilWhenAllDelivered(changed);
            }
        }
    }

    // An agreement may hold several remedies (a second one refines it): Fulfil is recorded when
    // the last of them is delivered, and only on a resolution that stands and is not yet fulfilled.
    private void fulfilWhenAllDelivered(RemedyChanged delivered) {
        CaseView c = cases.view(delivered.caseId());
        if (!c.step(PlaybookStep.RESOLVE).done() || c.step(PlaybookStep.FULFIL).done() || c.status().name().equals("CLOSED")) {
            return;
        }
        boolean moreToDeliver = remedies.findByCaseIdOrderByIdAsc(delivered.caseId()).stream()
            .anyMatch(remedy -> remedy.state() == Remedy.State.ACCEPTED);
        if (!moreToDeliver) {
            cases.fulfil(delivered.caseId(), Actor.SYSTEM, "the agreed remedy was delivered: " + delivered.terms());
        }
    }
}
