package org.redress.cases;

/**
 * Where a case stands, derived from its playbook steps: new until acknowledged, then in
 * progress until a resolution is agreed, then waiting for fulfilment, then fulfilled
 * (follow-up and lesson to come), then closed.
 */
public enum CaseStatus {
    NEW("New"), IN_PROGRESS("In progress"), RESOLUTION_AGREED("Resolution agreed"), FULFILLED("Fulfilled"),
    CLOSED("Closed");

    private final String label;

    CaseStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean open() {
        return this != CLOSED;
    }
}
