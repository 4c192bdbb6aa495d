package org.redress.remedies;

import org.jspecify.annotations.Nullable;
import org.redress.identity.RedressUser;
import org.redress.shared.Forbidden;
import org.redress.shared.Text;
import org.springframework.stereotype.Component;

/**
 * A lead, manager or admin decides on a remedy beyond its proposer's authority. The remedy
 * itself decides whether the approver's own entitlement covers it. Approving what the
 * customer proposed concludes the agreement, as done by the approver.
 */
@Component
class Approvals {

    private final Remedies remedies;
    private final AuthorityMatrix authority;
    private final RemedyGuards guards;
    private final RemedyJournal journal;
    private final AgreedRemedies agreements;
    private final BusinessDay day;

    Approvals(Remedies remedies, AuthorityMatrix authority, RemedyGuards guards, RemedyJournal journal,
              AgreedRemedies agreements, BusinessDay day) {
        this.remedies = remedies;
        this.authority = authority;
        this.guards = guards;
        this.journal = journal;
        this.agreements = agreements;
        this.day = day;
    }

    Remedy approve(long remedyId, RedressUser approver, @Nullable String note) {
        String text = Text.optional("note", note, 1_000);
        Remedy remedy = lockedForDecision(remedyId, approver);
        guards.requireOpen(remedy.caseId());
        if (remedy.customerAgreed()) {
            agreements.requireAgreeable(remedy.caseId());
        }
        remedy.approve(approver.id(), approver.name(), authority.entitlement(approver.id(), approver.role(),
            remedy.remedyType(), remedy.remedyType(), remedy.caseId()),
            text, day.now());
        if (remedy.customerAgreed()) {
            remedy.acceptedAlready(day.now(), day.today());
        }
        Remedy saved = remedies.save(remedy);
        journal.record(saved, approver.actor(), "approved", "Remedy approved: " + journal.terms(saved)
            + (text == null ? "" : " — " + text));
        if (saved.state() == Remedy.State.ACCEPTED) {
            agreements.agreed(saved, approver.actor(), "the customer's proposal, approved by " + approver.name());
        }
        return saved;
    }

    Remedy reject(long remedyId, RedressUser approver, @Nullable String reason) {
        String text = Text.required("reason", reason, 1_000);
        Remedy remedy = lockedForDecision(remedyId, approver);
        remedy.reject(approver.id(), approver.name(), text, day.now());
        Remedy saved = remedies.save(remedy);
        journal.record(saved, approver.actor(), "rejected", "Remedy rejected: " + journal.terms(saved) + " — " + text);
        return saved;
    }

    private Remedy lockedForDecision(long remedyId, RedressUser approver) {
        Remedy unlocked = guards.existing(remedyId);
        if (!approver.supervises()) {
            throw new Forbidden("Only leads, managers and admins decide on approval requests.");
        }
        if (unlocked.proposedById() != null && unlocked.proposedById() == approver.id()) {
            throw new Forbidden("Nobody approves their own request; another lead or manager must decide.");
        }
        authority.lock(unlocked.caseId(), approver.id());
        // Read again under the lock: a concurrent decision has been made by now, or will wait for this one.
        return guards.existing(remedyId);
    }
}
