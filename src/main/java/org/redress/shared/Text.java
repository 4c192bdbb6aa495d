package org.redress.shared;

import org.jspecify.annotations.Nullable;

/** Checks on free text shared by every module, so limits and wording stay the same. */
public final class Text {

    private Text() {
    }

    /** A required value: present, not blank, and at most {@code max} characters. */
    public static String required(String field, @Nullable String value, int max) {
        if (value == null || value.isBlank()) {
            throw InvalidInput.field(field, "is required");
        }
        return bounded(field, value, max);
    }

    /** An optional value: null when blank, otherwise at most {@code max} characters. */
    /** The text without surrounding space and one final full stop, to be followed by more words. */
    public static String withoutFinalStop(String text) {
        String trimmed = text.strip();
        return trimmed.endsWith(".") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    public static @Nullable String optional(String field, @Nullable String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return bounded(field, value, max);
    }

    private static String bounded(String field, String value, int max) {
        if (value.length() > max) {
            throw InvalidInput.field(field, "is too long (" + value.length() + " characters; at most " + max + ")");
        }
        return value;
    }
}
