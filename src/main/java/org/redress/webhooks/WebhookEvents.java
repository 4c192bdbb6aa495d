package org.redress.webhooks;

import org.redress.cases.CaseClosed;
import org.redress.cases.CaseOpened;
import org.redress.cases.CaseReopened;
import org.redress.cases.StepRecorded;
import org.redress.incidents.CustomersAffected;
import org.redress.promises.PromiseChanged;
import org.redress.remedies.RemedyChanged;
import org.redress.sla.TargetMissed;
import org.redress.surveys.SurveyAnswered;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What other modules publish, turned into webhook messages inside the transaction that made the
 * change: an event is sent if and only if its change committed. {@link OutboundEvent} says what
 * each event becomes.
 */
@Component
class WebhookEvents {

    private final WebhookQueue queue;

    WebhookEvents(WebhookQueue queue) {
        this.queue = queue;
    }

    @EventListener
    void on(CaseOpened opened) {
        enqueue(opened);
    }

    @EventListener
    void on(StepRecorded recorded) {
        enqueue(recorded);
    }

    @EventListener
    void on(CaseClosed closed) {
        enqueue(closed);
    }

    @EventListener
    void on(CaseReopened reopened) {
        enqueue(reopened);
    }

    @EventListener
    void on(RemedyChanged changed) {
        enqueue(changed);
    }

    @EventListener
    void on(PromiseChanged changed) {
        enqueue(changed);
    }

    @EventListener
    void on(SurveyAnswered answered) {
        enqueue(answered);
    }

    @EventListener
    void on(CustomersAffected affected) {
        enqueue(affected);
    }

    @EventListener
    void on(TargetMissed missed) {
        enqueue(missed);
    }

    private void enqueue(Object event) {
        OutboundEvent.of(event).ifPresent(outbound -> queue.enqueue(outbound.type(), outbound.caseId(), outbound.data()));
    }
}
