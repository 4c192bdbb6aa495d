package org.redress.sla;

/** What a case is timed on: a first answer, an agreed resolution, the resolution delivered. */
public enum Target {
    ACKNOWLEDGE("Acknowledge"), RESOLVE("Agree a resolution"), FULFIL("Fulfil");

    private final String label;

    Target(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
