package org.redress.cases;

import java.util.Locale;

import org.redress.shared.InvalidInput;

/** Whose part the failure was. We take responsibility for our part; the customer is never blamed. */
public enum Responsibility {
    OURS("Ours"), PARTLY_OURS("Partly ours"), NOT_OURS("Not ours");

    private final String label;

    Responsibility(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static Responsibility parse(String value) {
        String normalised = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Responsibility responsibility : values()) {
            if (responsibility.name().equals(normalised)) {
                return responsibility;
            }
        }
        throw InvalidInput.field("responsibility", "'" + value + "' is not valid; use ours, partly-ours or not-ours");
    }
}
