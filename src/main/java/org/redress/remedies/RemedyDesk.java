package org.redress.remedies;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.redress.identity.RedressUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agent's and approver's side of remedies, one transaction per action: proposing
 * ({@link Proposals}: granted at once within the proposer's authority, otherwise sent for
 * approval), deciding ({@link Approvals}), answering a customer's counter by accepting it or
 * countering back ({@link Counters}), and withdrawing or recording delivery
 * ({@link RemedyHandling}). Accepting a counter, or approving one, concludes the agreement:
 * the case's resolution ({@link AgreedRemedies}).
 */
@Service
@Transactional
public class RemedyDesk {

    /** A remedy as asked for: an amount, or for a percentage discount a percentage of a base amount. */
    public record Proposal(@Nullable String type, @Nullable String amount, @Nullable Integer percent,
                           @Nullable String baseAmount, @Nullable String currency, @Nullable String description) {}

    private final Proposals proposals;
    private final Approvals approvals;
    private final Counters counters;
    private final RemedyHandling handling;
    private final RemedyGuards guards;
    private final Remedies remedies;

    RemedyDesk(Proposals proposals, Approvals approvals, Counters counters, RemedyHandling handling, RemedyGuards guards,
               Remedies remedies) {
        this.proposals = proposals;
        this.approvals = approvals;
        this.counters = counters;
        this.handling = handling;
        this.guards = guards;
        this.remedies = remedies;
    }

    public RemedyView propose(long caseId, RedressUser by, Proposal proposal) {
        return view(proposals.propose(caseId, by, proposal));
    }

    public RemedyView approve(long remedyId, RedressUser approver, @Nullable String note) {
        return view(approvals.approve(remedyId, approver, note));
    }

    public RemedyView reject(long remedyId, RedressUser approver, @Nullable String reason) {
        return view(approvals.reject(remedyId, approver, reason));
    }

    public RemedyView withdraw(long remedyId, RedressUser by, @Nullable String reason) {
        return view(handling.withdraw(remedyId, by, reason));
    }

    public RemedyView fulfil(long remedyId, RedressUser by, @Nullable String reference) {
        return view(handling.fulfil(remedyId, by, reference));
    }

    /**
     * Accepts the customer's counter: a new remedy for what they asked, granted within the
     * agent's authority (and then agreed at once) or sent for approval.
     */
    public RemedyView acceptCounter(long remedyId, RedressUser by, @Nullable LocalDate deliverBy) {
        return view(counters.accept(remedyId, by, deliverBy));
    }

    /** Answers the customer's counter with our own amount: offered at once within authority, else once approved. */
    public RemedyView counterBack(long remedyId, RedressUser by, @Nullable String amount, @Nullable LocalDate deliverBy) {
        return view(counters.counter(remedyId, by, amount, deliverBy));
    }

    @Transactional(readOnly = true)
    public List<RemedyView> ofCase(long caseId) {
        guards.requireExists(caseId);
        return remedies.findByCaseIdOrderByIdAsc(caseId).stream().map(this::view).toList();
    }

    /** A remedy, for someone who may open its case. */
    @Transactional(readOnly = true)
    public RemedyView get(long remedyId, RedressUser reader) {
        Remedy remedy = guards.existing(remedyId);
        guards.requireActOn(remedy.caseId(), reader, "case.read");
        return view(remedy);
    }

    RemedyView view(Remedy remedy) {
        return guards.view(remedy);
    }
}
