package org.redress.promises;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.redress.cases.PlaybookStep;
import org.redress.cases.ResolutionAgreed;
import org.redress.cases.StepRecorded;
import org.redress.shared.Actor;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An agreed resolution is a promise: due at the end of the promised day, owned by the
 * case's assignee (or whoever answers for the agreement). Refining the agreement refines
 * the same promise; fulfilling the resolution keeps it. Runs in the case's transaction,
 * like the SLA clocks (ADR 4).
 */
@Component
class ResolutionPromises {

    private final PromiseKeeping promises;
    private final ZoneId businessZone;

    ResolutionPromises(PromiseKeeping promises, ZoneId businessZone) {
        this.promises = promises;
        this.businessZone = businessZone;
    }

    @EventListener
    void on(ResolutionAgreed agreed) {
        List<Long> owners = new ArrayList<>();
        if (agreed.assigneeId() != null) {
            owners.add(agreed.assigneeId());
        }
        if (agreed.ownerId() != null) {
            owners.add(agreed.ownerId());
        }
        Actor actor = agreed.agreedById() == null ? Actor.SYSTEM : Actor.user(agreed.agreedById(), agreed.agreedByName());
        promises.forResolution(agreed.caseId(), "Deliver: " + agreed.resolution(),
            agreed.reference() == null ? Promise.Source.RESOLUTION : Promise.Source.REMEDY, endOf(agreed.promisedBy()), owners,
            actor, agreed.reference());
    }

    // The last instant of the promised day, so it reads "due 25 Nov, 23:59" and not "26 Nov, 00:00".
    private java.time.Instant endOf(java.time.LocalDate day) {
        return day.plusDays(1).atStartOfDay(businessZone).toInstant().minusNanos(1_000);
    }

    @EventListener
    void on(StepRecorded recorded) {
        if (recorded.step() == PlaybookStep.FULFIL) {
            promises.keepResolutionPromises(recorded.caseId(), Actor.SYSTEM);
        }
    }
}
