package org.redress.shared;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

/**
 * Reads the values of a console form, where everything arrives as text: an empty field is
 * "not given" (null), and a value that cannot be read is refused as invalid input naming
 * its field, so the console shows the message beside the form that was sent.
 */
public final class FormFields {

    private FormFields() {
    }

    public static @Nullable LocalDate date(String field, @Nullable String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw InvalidInput.field(field, "'" + value + "' is not a date (YYYY-MM-DD)");
        }
    }

    public static @Nullable Integer wholeNumber(String field, @Nullable String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw InvalidInput.field(field, "'" + value + "' is not a whole number");
        }
    }

    /** A choice from a list of people, teams or the like, sent as its id. */
    public static @Nullable Long choice(String field, @Nullable String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw InvalidInput.field(field, "'" + value + "' is not a valid choice");
        }
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
