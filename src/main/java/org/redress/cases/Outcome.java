package org.redress.cases;

import java.util.Locale;

import org.redress.shared.InvalidInput;

/** How a closed case ended: did we keep the customer? */
public enum Outcome {
    RECOVERED("Recovered"), NOT_RECOVERED("Not recovered");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static Outcome parse(String value) {
        String normalised = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Outcome outcome : values()) {
            if (outcome.name().equals(normalised)) {
                return outcome;
            }
        }
        throw InvalidInput.field("outcome", "'" + value + "' is not an outcome; use recovered or not-recovered");
    }
}
