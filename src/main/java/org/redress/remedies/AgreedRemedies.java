package org.redress.remedies;

import java.time.ZoneId;

import org.redress.promises.PromiseKeeping;
import org.redress.shared.Actor;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A remedy the customer agreed to is a promise: delivered by the agreed date, owned by
 * whoever proposed it; delivering the remedy keeps it.
 */
@Component
class AgreedRemedies {

    private final PromiseKeeping promises;
    private final ZoneId businessZone;

    AgreedRemedies(PromiseKeeping promises, ZoneId businessZone) {
        this.promises = promises;
        this.businessZone = businessZone;
    }

    @EventListener
    void on(RemedyChanged changed) {
        String reference = "remedy:" + changed.remedyId();
        if (changed.state().equals("ACCEPTED") && changed.deliverBy() != null) {
            // Due at the end of the agreed day, as a resolution's promise is.
            promises.makeForRemedy(changed.caseId(), "Deliver: " + changed.terms(),
                changed.deliverBy().plusDays(1).atStartOfDay(businessZone).toInstant().minusNanos(1_000), changed.ownerId(),
                reference);
        } else if (changed.state().equals("FULFILLED")) {
            promises.keepFor(reference, Actor.SYSTEM, "The remedy was delivered");
        }
    }
}
