package org.redress.notifications;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.redress.cases.CaseManagement;
import org.redress.cases.CaseView;
import org.redress.identity.UserManagement;
import org.redress.identity.UserSummary;
import org.redress.promises.Promise;
import org.redress.promises.PromiseChanged;
import org.redress.remedies.ApprovalRequested;
import org.redress.remedies.RemedyChanged;
import org.redress.sla.FollowUpDue;
import org.redress.sla.TargetAtRisk;
import org.redress.sla.TargetMissed;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Decides who hears of what. A warning goes to whoever holds the case (its team's leads
 * when nobody does); a missed target also to the leads, when the policy says so, of the
 * case's team and of the team it was escalated to; a follow-up due to whoever holds the
 * case; a broken promise to its owner and their leads; a remedy awaiting approval to those
 * whose authority covers it.
 *
 * <p>Runs after the change has committed, on the same thread, in a transaction of its own,
 * through the event publication registry: telling staff is a consequence of the change, not
 * part of it, so a failure here never undoes an agent's work or stops the SLA sweep; the
 * publication stays incomplete and is delivered again at the next start. Not asynchronous:
 * on a shared thread pool, alerts queued behind other work arrived minutes late in the full
 * test suite. A crash between raising an alert and marking the publication complete can
 * raise that alert twice (at least once, never lost). See
 * docs/adr/0010-reactions-in-or-after-the-transaction.md.
 */
@Component
@Transactional(propagation = Propagation.REQUIRES_NEW)
class AlertRouting {

    private final AlertInbox inbox;
    private final CaseManagement cases;
    private final UserManagement users;
    private final DateTimeFormatter when;

    AlertRouting(AlertInbox inbox, CaseManagement cases, UserManagement users, ZoneId businessZone) {
        this.inbox = inbox;
        this.cases = cases;
        this.users = users;
        this.when = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH).withZone(businessZone);
    }

    @TransactionalEventListener
    void on(TargetAtRisk atRisk) {
        CaseView c = cases.view(atRisk.caseId());
        inbox.raise(holderOrLeads(c), c.id(), "sla.at-risk", c.number() + " is at risk: "
            + atRisk.target().label().toLowerCase(Locale.ROOT) + " is due " + when.format(atRisk.dueAt()) + " — " + c.subject());
    }

    @TransactionalEventListener
    void on(TargetMissed missed) {
        CaseView c = cases.view(missed.caseId());
        Set<Long> told = new LinkedHashSet<>(holder(c));
        if (missed.assigneeBefore() != null) {
            told.add(missed.assigneeBefore());
        }
        if (missed.notifyLeads() || told.isEmpty()) {
            told.addAll(ids(users.leadsOf(missed.teamBefore())));
            if (c.team() != null && !Long.valueOf(c.team().id()).equals(missed.teamBefore())) {
                told.addAll(ids(users.leadsOf(c.team().id())));
            }
        }
        inbox.raise(told, c.id(), "sla.breached", c.number() + " missed its target: "
            + missed.target().label().toLowerCase(Locale.ROOT) + " was due " + when.format(missed.dueAt()) + " — " + c.subject());
    }

    @TransactionalEventListener
    void on(FollowUpDue due) {
        CaseView c = cases.view(due.caseId());
        inbox.raise(holderOrLeads(c), c.id(), "followup.due", "Check back with the customer of " + c.number()
            + ": are they truly satisfied? — " + c.subject());
    }

    @TransactionalEventListener
    void on(PromiseChanged promise) {
        if (promise.status() != Promise.Status.BROKEN) {
            return;
        }
        CaseView c = cases.view(promise.caseId());
        List<Long> told = new ArrayList<>();
        Long ownerTeam = null;
        if (promise.ownerId() != null) {
            told.add(promise.ownerId());
            ownerTeam = users.user(promise.ownerId()).map(UserSummary::teamId).orElse(null);
        }
        told.addAll(ids(users.leadsOf(ownerTeam != null ? ownerTeam : c.team() == null ? null : c.team().id())));
        inbox.raise(told, c.id(), "promise.broken", "Promise broken on " + c.number() + ": " + promise.description()
            + " was due " + when.format(promise.dueAt()) + " (owner " + promise.ownerName() + ")");
    }

    /** A request beyond its proposer's authority goes to those who can decide it; again, louder, when late. */
    @TransactionalEventListener
    void on(ApprovalRequested request) {
        CaseView c = cases.view(request.caseId());
        inbox.raise(request.approvers(), c.id(), request.overdue() ? "approval.overdue" : "approval.requested",
            (request.overdue() ? "Approval overdue on " : "Approval requested on ") + c.number() + ": " + request.terms()
                + " — decide by " + when.format(request.dueAt()));
    }

    /** The customer's answer to an offer comes back to whoever proposed it, and to whoever holds the case. */
    @TransactionalEventListener
    void on(RemedyChanged remedy) {
        if (!remedy.state().equals("COUNTERED") && !remedy.state().equals("DECLINED") && !remedy.state().equals("ACCEPTED")) {
            return;
        }
        CaseView c = cases.view(remedy.caseId());
        Set<Long> told = new LinkedHashSet<>(holder(c));
        if (remedy.ownerId() != null) {
            told.add(remedy.ownerId());
        }
        String answer = switch (remedy.state()) {
            case "COUNTERED" -> " proposes something else for ";
            case "DECLINED" -> " declined ";
            default -> " accepted ";
        };
        inbox.raise(told, c.id(), "remedy." + remedy.state().toLowerCase(Locale.ROOT), "The customer of " + c.number() + answer
            + remedy.terms());
    }

    private List<Long> holderOrLeads(CaseView c) {
        List<Long> holder = holder(c);
        return holder.isEmpty() ? ids(users.leadsOf(c.team() == null ? null : c.team().id())) : holder;
    }

    private static List<Long> holder(CaseView c) {
        return c.assignee() == null ? List.of() : List.of(c.assignee().id());
    }

    private static List<Long> ids(List<UserSummary> people) {
        return people.stream().map(UserSummary::id).toList();
    }
}
