package org.redress.remedies;

import org.redress.audit.AuditTrail;
import org.redress.cases.CaseManagement;
import org.redress.shared.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Writes each remedy decision where it must be seen: the case's timeline, the audit log, and an event. */
@Component
class RemedyJournal {

    private final CaseManagement cases;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final RemedyTypes types;
    private final Remedies remedies;

    RemedyJournal(CaseManagement cases, AuditTrail audit, ApplicationEventPublisher events, RemedyTypes types,
                  Remedies remedies) {
        this.remedies = remedies;
        this.types = types;
        this.cases = cases;
        this.audit = audit;
        this.events = events;
    }

    void record(Remedy remedy, Actor actor, String action, String summary) {
        cases.recordOnTimeline(remedy.caseId(), "remedy." + action, summary + (actor.isSystem() ? "" : " (" + actor.name() + ")"));
        audit.record(actor, "remedy." + action, "remedy:" + remedy.id(), summary);
        boolean awaiting = remedies.findByCaseIdOrderByIdAsc(remedy.caseId()).stream()
            .anyMatch(other -> other.state() == Remedy.State.OFFERED);
        events.publishEvent(new RemedyChanged(remedy.id() == null ? 0 : remedy.id(), remedy.caseId(), remedy.state().name(),
            remedy.previousState() == null ? null : remedy.previousState().name(), terms(remedy), remedy.deliverBy(),
            remedy.proposedById(), awaiting));
    }

    /** Tells who can decide that a request waits for them (or is late). */
    void awaitsDecision(Remedy remedy, java.util.List<Long> approvers, boolean overdue) {
        events.publishEvent(new ApprovalRequested(remedy.id() == null ? 0 : remedy.id(), remedy.caseId(), terms(remedy),
            remedy.approvalDueAt() == null ? java.time.Instant.EPOCH : remedy.approvalDueAt(), approvers, overdue));
    }

    /** "Refund of 49.90 EUR: broken vase" */
    String terms(Remedy remedy) {
        String amount = remedy.percent() != null
            ? remedy.percent() + "% (" + remedy.amount() + ")" : remedy.amount().toString();
        String label = types.findById(remedy.remedyType()).map(RemedyType::label).orElse(remedy.remedyType());
        return label + " of " + amount + ": " + remedy.description();
    }
}
