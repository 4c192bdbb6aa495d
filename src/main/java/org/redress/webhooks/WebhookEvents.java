package org.redress.webhooks;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.redress.cases.CaseClosed;
import org.redress.cases.CaseNumber;
import org.redress.cases.CaseOpened;
import org.redress.cases.CaseReopened;
import org.redress.cases.StepRecorded;
import org.redress.incidents.CustomersAffected;
import org.redress.promises.Promise;
import org.redress.promises.PromiseChanged;
import org.redress.remedies.RemedyChanged;
import org.redress.sla.TargetMissed;
import org.redress.surveys.SurveyAnswered;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What other modules publish, turned into webhook messages inside the transaction that made the
 * change: an event is sent if and only if its change committed.
 */
@Component
class WebhookEvents {

    private final WebhookQueue queue;

    WebhookEvents(WebhookQueue queue) {
        this.queue = queue;
    }

    @EventListener
    void on(CaseOpened opened) {
        queue.enqueue(EventType.CASE_OPENED, opened.caseId(), onCase(opened.caseId(), "customerId", opened.customerId(),
            "channel", opened.channel().code(), "category", opened.category(), "severity", opened.severity(), "openedAt",
            opened.openedAt().toString()));
    }

    @EventListener
    void on(StepRecorded recorded) {
        queue.enqueue(EventType.CASE_STEP_RECORDED, recorded.caseId(), onCase(recorded.caseId(), "step", recorded.step().name(),
            "recordedAt", recorded.recordedAt().toString()));
    }

    @EventListener
    void on(CaseClosed closed) {
        queue.enqueue(EventType.CASE_CLOSED, closed.caseId(), onCase(closed.caseId(), "customerId", closed.customerId(), "outcome",
            closed.outcome() == null ? null : closed.outcome().name(), "reason", closed.reason() == null ? null : closed.reason().name(),
            "closedAt", closed.closedAt().toString()));
    }

    @EventListener
    void on(CaseReopened reopened) {
        queue.enqueue(EventType.CASE_REOPENED, reopened.caseId(), onCase(reopened.caseId(), "customerId", reopened.customerId(),
            "reopenedAt", reopened.reopenedAt().toString()));
    }

    @EventListener
    void on(RemedyChanged changed) {
        if (changed.state().equals(changed.previousState())) {
            return;
        }
        EventType.ofRemedyState(changed.state()).ifPresent(type -> queue.enqueue(type, changed.caseId(), onCase(changed.caseId(),
            "remedyId", changed.remedyId(), "state", changed.state(), "previousState", changed.previousState(), "terms", changed.terms(),
            "deliverBy", changed.deliverBy() == null ? null : changed.deliverBy().toString())));
    }

    @EventListener
    void on(PromiseChanged changed) {
        EventType type = changed.status() == Promise.Status.KEPT ? EventType.PROMISE_KEPT
            : changed.status() == Promise.Status.BROKEN ? EventType.PROMISE_BROKEN : null;
        if (type != null) {
            queue.enqueue(type, changed.caseId(), onCase(changed.caseId(), "promiseId", changed.promiseId(), "description",
                changed.description(), "dueAt", changed.dueAt().toString()));
        }
    }

    @EventListener
    void on(SurveyAnswered answered) {
        Map<String, @Nullable Object> data = new LinkedHashMap<>();
        data.put("surveyId", answered.surveyId());
        data.put("customerId", answered.customerId());
        data.put("kind", answered.kind().name());
        data.put("score", answered.score());
        data.put("low", answered.low() || answered.negative());
        data.put("caseNumber", answered.recoveredCaseId() == null ? null : CaseNumber.format(answered.recoveredCaseId()));
        data.put("answeredAt", answered.answeredAt().toString());
        queue.enqueue(EventType.SURVEY_ANSWERED, answered.recoveredCaseId(), data);
    }

    @EventListener
    void on(CustomersAffected affected) {
        Map<String, @Nullable Object> data = new LinkedHashMap<>();
        data.put("incidentId", affected.incidentId());
        data.put("title", affected.incidentTitle());
        data.put("customerIds", affected.customerIds());
        data.put("at", affected.at().toString());
        queue.enqueue(EventType.INCIDENT_CUSTOMERS_AFFECTED, null, data);
    }

    @EventListener
    void on(TargetMissed missed) {
        queue.enqueue(EventType.SLA_TARGET_MISSED, missed.caseId(), onCase(missed.caseId(), "target",
            missed.target().name().toLowerCase(Locale.ROOT), "dueAt", missed.dueAt().toString()));
    }

    // The case's number and id, then the pairs given.
    private static Map<String, @Nullable Object> onCase(long caseId, @Nullable Object... pairs) {
        Map<String, @Nullable Object> data = new LinkedHashMap<>();
        data.put("caseNumber", CaseNumber.format(caseId));
        data.put("caseId", caseId);
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            data.put(String.valueOf(pairs[i]), pairs[i + 1]);
        }
        return data;
    }
}
