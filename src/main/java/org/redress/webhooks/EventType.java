package org.redress.webhooks;

import java.util.Arrays;
import java.util.Optional;

/** What an endpoint may subscribe to, by the name it receives as {@code type}. */
public enum EventType {
    CASE_OPENED("case.opened", "A complaint opened a case."),
    CASE_STEP_RECORDED("case.step-recorded", "A playbook step was recorded on a case."),
    CASE_CLOSED("case.closed", "A case was closed, with its outcome or reason."),
    CASE_REOPENED("case.reopened", "A closed case was opened again."),
    REMEDY_APPROVAL_REQUESTED("remedy.approval-requested", "A remedy above its proposer's authority waits for approval."),
    REMEDY_GRANTED("remedy.granted", "A remedy was granted (within authority or approved)."),
    REMEDY_REFUSED("remedy.refused", "A remedy's approval was refused."),
    REMEDY_OFFERED("remedy.offered", "A remedy was offered to the customer."),
    REMEDY_AGREED("remedy.agreed", "The customer accepted a remedy."),
    REMEDY_DECLINED("remedy.declined", "The customer declined a remedy."),
    REMEDY_COUNTERED("remedy.countered", "The customer answered an offer with one of their own."),
    REMEDY_FULFILLED("remedy.fulfilled", "A remedy was delivered."),
    REMEDY_WITHDRAWN("remedy.withdrawn", "A remedy was withdrawn."),
    PROMISE_KEPT("promise.kept", "A promise to the customer was kept."),
    PROMISE_BROKEN("promise.broken", "A promise to the customer passed its date unkept."),
    SURVEY_ANSWERED("survey.answered", "A customer answered a survey."),
    INCIDENT_CUSTOMERS_AFFECTED("incident.customers-affected", "Customers were found affected by an incident and are told."),
    SLA_TARGET_MISSED("sla.target-missed", "A case missed a time target.");

    private final String code;
    private final String description;

    EventType(String code, String description) {
        this.code = code;
        this.description = description;
    }

    public String code() {
        return code;
    }

    public String description() {
        return description;
    }

    static Optional<EventType> of(String code) {
        return Arrays.stream(values()).filter(type -> type.code.equals(code)).findFirst();
    }

    /** The remedy event a state change is, if any: {@code APPROVED} is {@code remedy.granted}, and so on. */
    static Optional<EventType> ofRemedyState(String state) {
        return switch (state) {
            case "PENDING_APPROVAL" -> Optional.of(REMEDY_APPROVAL_REQUESTED);
            case "APPROVED" -> Optional.of(REMEDY_GRANTED);
            case "REJECTED" -> Optional.of(REMEDY_REFUSED);
            case "OFFERED" -> Optional.of(REMEDY_OFFERED);
            case "ACCEPTED" -> Optional.of(REMEDY_AGREED);
            case "DECLINED" -> Optional.of(REMEDY_DECLINED);
            case "COUNTERED" -> Optional.of(REMEDY_COUNTERED);
            case "FULFILLED" -> Optional.of(REMEDY_FULFILLED);
            case "WITHDRAWN" -> Optional.of(REMEDY_WITHDRAWN);
            default -> Optional.empty();
        };
    }
}
