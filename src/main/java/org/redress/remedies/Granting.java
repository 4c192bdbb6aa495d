package org.redress.remedies;

import org.jspecify.annotations.Nullable;
import org.redress.identity.RedressUser;
import org.springframework.stereotype.Component;

/**
 * Makes a remedy: granted at once when the proposer's entitlement covers it, otherwise sent
 * to those who could approve it. A remedy that answers the customer's own proposal is
 * agreed as soon as it is granted: it becomes the case's resolution.
 */
@Component
class Granting {

    private final Remedies remedies;
    private final AuthorityMatrix authority;
    private final RemedyJournal journal;
    private final AgreedRemedies agreements;
    private final RemedySettings settings;
    private final BusinessDay day;

    Granting(Remedies remedies, AuthorityMatrix authority, RemedyJournal journal, AgreedRemedies agreements,
             RemedySettings settings, BusinessDay day) {
        this.remedies = remedies;
        this.authority = authority;
        this.journal = journal;
        this.agreements = agreements;
        this.settings = settings;
        this.day = day;
    }

    Remedy grantOrRequest(long caseId, RedressUser by, RemedyType type, Money amount, @Nullable Integer percent,
                          @Nullable Money base, String description, Remedy.@Nullable CustomerAgreement customerAgreement) {
        if (customerAgreement != null) {
            agreements.requireAgreeable(caseId);
        }
        authority.lock(caseId, by.id());
        var now = day.now();
        Remedy proposed = Remedy.propose(caseId, type, amount, percent, base, description, by.id(), by.name(),
            authority.entitlement(by.id(), by.role(), type.label(), type.code(), caseId), customerAgreement, now.plus(settings.approvalTarget()), now);
        java.util.List<String> beyond = proposed.beyondAuthority();
        Remedy remedy = remedies.save(proposed);
        boolean granted = remedy.state() == Remedy.State.APPROVED;
        if (granted && customerAgreement != null) {
            remedy.acceptedAlready(now, day.today());
            remedy = remedies.save(remedy);
        }
        journal.record(remedy, by.actor(), granted ? "granted" : "approval-requested", granted
            ? "Remedy granted: " + journal.terms(remedy)
            : "Approval requested for " + journal.terms(remedy) + ": " + String.join("; ", beyond));
        if (!granted) {
            journal.awaitsDecision(remedy, authority.approversFor(caseId, type.code(), amount, by.id()), false);
        } else if (customerAgreement != null) {
            agreements.agreed(remedy, by.actor(), "the customer's proposal, accepted");
        }
        return remedy;
    }
}
