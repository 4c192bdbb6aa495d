package org.redress.remedies;

import java.time.ZoneId;

import org.redress.promises.PromiseKeeping;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A remedy the customer agreed to is a promise: delivered by the agreed date, owned by whoever proposed it. */
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
        if (!changed.state().equals("ACCEPTED") || changed.deliverBy() == null) {
            return;
        }
        // Due at the end of the agreed day, as a resolution's promise is.
        promises.makeForRemedy(changed.caseId(), "Deliver: " + changed.terms(),
            changed.deliverBy().plusDays(1).atStartOfDay(businessZone).toInstant().minusNanos(1_000), changed.ownerId());
    }
}
