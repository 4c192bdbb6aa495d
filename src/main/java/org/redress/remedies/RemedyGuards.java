package org.redress.remedies;

import org.redress.cases.CaseAccess;
import org.redress.cases.CaseManagement;
import org.redress.cases.CaseStatus;
import org.redress.cases.CaseView;
import org.redress.identity.RedressUser;
import org.redress.shared.Actor;
import org.redress.shared.Conflict;
import org.redress.shared.Forbidden;
import org.redress.shared.NotFound;
import org.springframework.stereotype.Component;

/**
 * What every change to a remedy checks first: that it exists, that its case is open, and
 * that this person may handle it. Shared by proposals, approvals, counters and offers.
 */
@Component
class RemedyGuards {

    private final Remedies remedies;
    private final CaseManagement cases;
    private final CaseAccess access;
    private final RemedyJournal journal;
    private final BusinessDay day;

    RemedyGuards(Remedies remedies, CaseManagement cases, CaseAccess access, RemedyJournal journal, BusinessDay day) {
        this.remedies = remedies;
        this.cases = cases;
        this.access = access;
        this.journal = journal;
        this.day = day;
    }

    Remedy existing(long remedyId) {
        return remedies.findById(remedyId).orElseThrow(() -> new NotFound("There is no remedy " + remedyId + "."));
    }

    /** The person may act on the case ({@link CaseAccess}); refused and audited otherwise. */
    void requireActOn(long caseId, RedressUser by, String action) {
        access.require(caseId, by.actor(), action);
    }

    /**
     * The remedy, if this person may handle it: they may act on its case ({@link CaseAccess}),
     * and they proposed it, hold its case, or are a lead, manager or admin. Others may read
     * it, not change it.
     */
    Remedy handled(long remedyId, RedressUser by, String action) {
        Remedy remedy = existing(remedyId);
        access.require(remedy.caseId(), by.actor(), action);
        if (by.supervises() || (remedy.proposedById() != null && remedy.proposedById() == by.id())) {
            return remedy;
        }
        CaseView c = cases.view(remedy.caseId());
        if (c.assignee() != null && c.assignee().id() == by.id()) {
            return remedy;
        }
        throw new Forbidden("Only whoever proposed this remedy, whoever holds " + c.number()
            + ", or a lead or manager may change it.");
    }

    /** The customer's counter is answered with a new remedy: the countered one is settled. */
    void supersede(Remedy countered, Actor by, String how) {
        if (countered.state() != Remedy.State.COUNTERED) {
            throw new Conflict("This remedy is " + Remedy.label(countered.state()) + "; only a countered offer can be " + how + ".");
        }
        countered.superseded(day.now());
        Remedy settled = remedies.save(countered);
        journal.record(settled, by, "superseded", "The customer's proposal answered with a new remedy: "
            + journal.terms(settled) + " is settled");
    }

    boolean isClosed(long caseId) {
        return cases.view(caseId).status() == CaseStatus.CLOSED;
    }

    void requireOpen(long caseId) {
        CaseView c = cases.view(caseId);
        if (c.status() == CaseStatus.CLOSED) {
            throw new Conflict(c.number() + " is closed; reopen it before offering a remedy.");
        }
    }

    void requireExists(long caseId) {
        cases.requireExists(caseId);
    }

    RemedyView view(Remedy remedy) {
        return RemedyView.of(remedy, journal.terms(remedy));
    }
}
