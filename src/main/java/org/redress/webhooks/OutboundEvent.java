package org.redress.webhooks;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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

/**
 * What outside systems are told about an event of another module, the same for webhooks and the
 * message broker: its type, the case it concerns (if any) and what it says. Data names what
 * changed (numbers and states, no personal data: a receiver reads the rest through the API).
 *
 * @param type   the name receivers see
 * @param caseId the case, if the event is about one (webhooks keep a case's messages in order)
 * @param data   the event's fields
 */
record OutboundEvent(EventType type, @Nullable Long caseId, Map<String, @Nullable Object> data) {

    /** The outbound form of an event, or empty when outside systems are not told about it. */
    static Optional<OutboundEvent> of(Object event) {
        if (event instanceof CaseOpened opened) {
            return onCase(EventType.CASE_OPENED, opened.caseId(), "customerId", opened.customerId(), "channel",
                opened.channel().code(), "category", opened.category(), "severity", opened.severity(), "openedAt",
                opened.openedAt().toString());
        }
        if (event instanceof StepRecorded recorded) {
            return onCase(EventType.CASE_STEP_RECORDED, recorded.caseId(), "step", recorded.step().name(), "recordedAt",
                recorded.recordedAt().toString());
        }
        if (event instanceof CaseClosed closed) {
            return onCase(EventType.CASE_CLOSED, closed.caseId(), "customerId", closed.customerId(), "outcome",
                closed.outcome() == null ? null : closed.outcome().name(), "reason",
                closed.reason() == null ? null : closed.reason().name(), "closedAt", closed.closedAt().toString());
        }
        if (event instanceof CaseReopened reopened) {
            return onCase(EventType.CASE_REOPENED, reopened.caseId(), "customerId", reopened.customerId(), "reopenedAt",
                reopened.reopenedAt().toString());
        }
        if (event instanceof RemedyChanged changed) {
            // Saving a remedy without a change of state (new terms, a delivery date) is not news outside.
            if (changed.state().equals(changed.previousState())) {
                return Optional.empty();
            }
            return EventType.ofRemedyState(changed.state()).flatMap(type -> onCase(type, changed.caseId(), "remedyId",
                changed.remedyId(), "state", changed.state(), "previousState", changed.previousState(), "terms", changed.terms(),
                "deliverBy", changed.deliverBy() == null ? null : changed.deliverBy().toString()));
        }
        if (event instanceof PromiseChanged changed) {
            EventType type = changed.status() == Promise.Status.KEPT ? EventType.PROMISE_KEPT
                : changed.status() == Promise.Status.BROKEN ? EventType.PROMISE_BROKEN : null;
            return type == null ? Optional.empty() : onCase(type, changed.caseId(), "promiseId", changed.promiseId(),
                "description", changed.description(), "dueAt", changed.dueAt().toString());
        }
        if (event instanceof SurveyAnswered answered) {
            Map<String, @Nullable Object> data = new LinkedHashMap<>();
            data.put("surveyId", answered.surveyId());
            data.put("customerId", answered.customerId());
            data.put("kind", answered.kind().name());
            data.put("score", answered.score());
            data.put("low", answered.low() || answered.negative());
            data.put("caseNumber", answered.recoveredCaseId() == null ? null : CaseNumber.format(answered.recoveredCaseId()));
            data.put("answeredAt", answered.answeredAt().toString());
            return Optional.of(new OutboundEvent(EventType.SURVEY_ANSWERED, answered.recoveredCaseId(), data));
        }
        if (event instanceof CustomersAffected affected) {
            Map<String, @Nullable Object> data = new LinkedHashMap<>();
            data.put("incidentId", affected.incidentId());
            data.put("title", affected.incidentTitle());
            data.put("customerIds", affected.customerIds());
            data.put("at", affected.at().toString());
            return Optional.of(new OutboundEvent(EventType.INCIDENT_CUSTOMERS_AFFECTED, null, data));
        }
        if (event instanceof TargetMissed missed) {
            return onCase(EventType.SLA_TARGET_MISSED, missed.caseId(), "target", missed.target().name().toLowerCase(Locale.ROOT),
                "dueAt", missed.dueAt().toString());
        }
        return Optional.empty();
    }

    // The case's number and id, then the pairs given.
    private static Optional<OutboundEvent> onCase(EventType type, long caseId, @Nullable Object... pairs) {
        Map<String, @Nullable Object> data = new LinkedHashMap<>();
        data.put("caseNumber", CaseNumber.format(caseId));
        data.put("caseId", caseId);
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            data.put(String.valueOf(pairs[i]), pairs[i + 1]);
        }
        return Optional.of(new OutboundEvent(type, caseId, data));
    }
}
