package org.redress.cases;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.redress.shared.InvalidInput;

/**
 * Why a case was closed without a recovery to judge: it repeats another case, it is spam, or
 * it is not a complaint (a question, a compliment). Such a case has no outcome and counts in
 * neither the recovered nor the not-recovered figures.
 */
public enum CloseReason {
    DUPLICATE("Duplicate"), SPAM("Spam"), NOT_A_COMPLAINT("Not a complaint");

    private final String label;

    CloseReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Accepts {@code not-a-complaint}, {@code not_a_complaint} or {@code NOT_A_COMPLAINT}. */
    public static CloseReason parse(String field, String value) {
        String normalised = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(reason -> reason.name().equals(normalised)).findFirst()
            .orElseThrow(() -> InvalidInput.field(field, "'" + value + "' is not a close reason; use one of "
                + Arrays.stream(values()).map(CloseReason::code).collect(Collectors.joining(", "))));
    }
}
