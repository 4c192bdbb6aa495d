package org.redress.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.redress.cases.CaseClosed;
import org.redress.cases.CaseManagement;
import org.redress.cases.CaseNumber;
import org.redress.cases.CasesMerged;
import org.redress.cases.CustomerWrote;
import org.redress.cases.ResolutionReopened;
import org.redress.cases.SeverityChanged;
import org.redress.customers.CustomerManagement;
import org.redress.remedies.RemedyChanged;
import org.redress.cases.CaseOpened;
import org.redress.cases.CaseReopened;
import org.redress.cases.StepRecorded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps each case's clocks in step with the case: a new case gets its acknowledge and
 * resolve targets from the matching policy; an agreed resolution starts the fulfil target;
 * steps meet their targets; a customer not satisfied at follow-up restarts the resolve target;
 * the customer writing again resumes paused clocks; a merge carries the wait on the customer
 * over to the surviving case; closing stops what is left. Runs inside the transaction that
 * changes the case, so a case and its clocks are stored together or not at all (ADR 4);
 * it must stay small and never call out of the process.
 */
@Component
class CaseClocks {

    private final SlaClocks clocks;
    private final SlaManagement sla;
    private final CustomerManagement customers;
    private final CaseManagement cases;
    private final DateTimeFormatter when;
    private final Clock clock;

    CaseClocks(SlaClocks clocks, SlaManagement sla, CustomerManagement customers, CaseManagement cases, ZoneId businessZone,
               Clock clock) {
        this.clock = clock;
        this.clocks = clocks;
        this.sla = sla;
        this.customers = customers;
        this.cases = cases;
        this.when = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH).withZone(businessZone);
    }

    @EventListener
    void on(CaseOpened opened) {
        SlaPolicy policy = sla.policyFor(opened.severity(), opened.channel().code(), opened.customerTier());
        clocks.open(opened.caseId(), policy, opened.openedAt(), Target.ACKNOWLEDGE, Target.RESOLVE);
    }

    /** A reopened case is back in the queue; its targets start again as its steps come round. */
    @EventListener
    void on(CaseReopened reopened) {
        clocks.reopened(reopened.caseId());
    }

    @EventListener
    void on(StepRecorded recorded) {
        switch (recorded.step()) {
            case ACKNOWLEDGE -> clocks.meet(recorded.caseId(), Target.ACKNOWLEDGE, recorded.recordedAt());
            case RESOLVE -> {
                clocks.meet(recorded.caseId(), Target.RESOLVE, recorded.recordedAt());
                Long policyId = clocks.policyOf(recorded.caseId());
                if (policyId != null) {
                    sla.policy(policyId).ifPresent(policy ->
                        clocks.start(recorded.caseId(), policy, recorded.recordedAt(), Target.FULFIL));
                }
            }
            case FULFIL -> {
                clocks.meet(recorded.caseId(), Target.FULFIL, recorded.recordedAt());
                Long policyId = clocks.policyOf(recorded.caseId());
                if (policyId != null) {
                    sla.policy(policyId).ifPresent(policy ->
                        clocks.start(recorded.caseId(), policy, recorded.recordedAt(), Target.FOLLOW_UP));
                }
            }
            case FOLLOW_UP -> clocks.meet(recorded.caseId(), Target.FOLLOW_UP, recorded.recordedAt());
            default -> {
                // other steps are not timed
            }
        }
    }

    @EventListener
    void on(SeverityChanged changed) {
        String tier = customers.find(changed.customerId()).map(customer -> customer.tier()).orElse("standard");
        SlaPolicy policy = sla.policyFor(changed.to(), changed.channel().code(), tier);
        List<SlaClock> moved = clocks.retarget(changed.caseId(), policy);
        if (!moved.isEmpty()) {
            cases.recordOnTimeline(changed.caseId(), "sla.retargeted", "Targets re-set for severity " + changed.to()
                + " (policy " + policy.name() + "): " + moved.stream()
                    .map(clock -> clock.label().toLowerCase(Locale.ROOT) + " due " + when.format(clock.dueAt()))
                    .collect(Collectors.joining(", ")));
        }
    }

    /** The customer was not satisfied: a new resolution is due within the policy's time, and delivered after it. */
    @EventListener
    void on(ResolutionReopened reopened) {
        Long policyId = clocks.policyOf(reopened.caseId());
        if (policyId != null) {
            sla.policy(policyId).ifPresent(policy ->
                clocks.restart(reopened.caseId(), policy, reopened.reopenedAt(), Target.RESOLVE));
            clocks.discard(reopened.caseId(), Target.FULFIL, Target.FOLLOW_UP);
        }
    }

    /** A case waiting on the customer has its answer: the paused clocks run again. */
    @EventListener
    void on(CustomerWrote wrote) {
        Duration paused = clocks.resume(wrote.caseId(), wrote.at());
        if (paused != null) {
            cases.recordOnTimeline(wrote.caseId(), "sla.resumed", "Time targets resumed: the customer answered after "
                + paused.toMinutes() + " min of business time");
        }
    }

    /** An offer sent waits on the customer: the clocks pause until they answer it. */
    @EventListener
    void on(RemedyChanged remedy) {
        switch (remedy.state()) {
            case "OFFERED" -> {
                if (clocks.pause(remedy.caseId(), clock.instant()) > 0) {
                    cases.recordOnTimeline(remedy.caseId(), "sla.paused", "Time targets paused: an offer was sent, waiting on the customer");
                }
            }
            case "ACCEPTED", "DECLINED", "COUNTERED", "WITHDRAWN" -> {
                // Answered or taken back: the clocks run again once no offer waits for the customer.
                if (!"OFFERED".equals(remedy.previousState()) || remedy.awaitingCustomer()) {
                    return;
                }
                Duration paused = clocks.resume(remedy.caseId(), clock.instant());
                if (paused != null) {
                    cases.recordOnTimeline(remedy.caseId(), "sla.resumed", (remedy.state().equals("WITHDRAWN")
                        ? "Time targets resumed: the offer was withdrawn after " : "Time targets resumed: the customer answered the offer after ")
                        + paused.toMinutes() + " min of business time");
                }
            }
            default -> {
                // the rest happens on our side of the table
            }
        }
    }

    /**
     * A merge joins two conversations with the same customer, so the surviving case waits on
     * them exactly when the whole conversation does: if the duplicate waited (an offer sent
     * there now stands here, or a question asked there), the survivor's clocks pause; if the
     * survivor waited and the duplicate holds a newer message of the customer's, that was
     * their answer and the clocks run again, counted from when they wrote.
     */
    @EventListener
    void on(CasesMerged merged) {
        boolean duplicateWaited = clocks.waitedOnCustomerWhenClosed(merged.fromCaseId(), merged.mergedAt());
        Instant survivorWaitsSince = clocks.pausedSince(merged.intoCaseId());
        String from = CaseNumber.format(merged.fromCaseId());
        if (duplicateWaited && survivorWaitsSince == null) {
            if (clocks.pause(merged.intoCaseId(), merged.mergedAt()) > 0) {
                cases.recordOnTimeline(merged.intoCaseId(), "sla.paused", "Time targets paused: " + from
                    + ", merged in, was waiting on the customer");
            }
        } else if (!duplicateWaited && survivorWaitsSince != null && merged.customerLastWroteAt() != null
                && merged.customerLastWroteAt().isAfter(survivorWaitsSince)) {
            Duration paused = clocks.resume(merged.intoCaseId(), merged.customerLastWroteAt());
            if (paused != null) {
                cases.recordOnTimeline(merged.intoCaseId(), "sla.resumed", "Time targets resumed: the customer wrote on "
                    + from + " (merged in) after " + paused.toMinutes() + " min of business time");
            }
        }
    }

    @EventListener
    void on(CaseClosed closed) {
        clocks.stopAll(closed.caseId(), closed.closedAt());
    }
}
