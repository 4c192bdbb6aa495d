package org.redress.sla;

/**
 * What a case is timed on: a first answer, an agreed resolution, the resolution delivered,
 * and the follow-up after it (which falls due rather than being missed).
 */
public enum Target {
    ACKNOWLEDGE("Acknowledge"), RESOLVE("Agree a resolution"), FULFIL("Fulfil"), FOLLOW_UP("Follow up");

    private final String label;

    Target(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
