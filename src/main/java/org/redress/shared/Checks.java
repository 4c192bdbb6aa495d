package org.redress.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Runs several input checks and reports every failure together, so a person fixing a
 * form or a request sees all that is wrong at once, not one field per attempt.
 */
public final class Checks {

    private final List<InvalidInput.FieldError> errors = new ArrayList<>();

    /** The checked value, or null when the check failed (the failure is kept for {@link #verify()}). */
    public <T> @Nullable T check(Supplier<T> check) {
        try {
            return check.get();
        } catch (InvalidInput invalid) {
            if (invalid.errors().isEmpty()) {
                errors.add(new InvalidInput.FieldError("", String.valueOf(invalid.getMessage())));
            } else {
                errors.addAll(invalid.errors());
            }
            return null;
        }
    }

    /** Throws one {@link InvalidInput} naming every failed check, if any failed. */
    public void verify() {
        if (errors.isEmpty()) {
            return;
        }
        String message = errors.size() == 1 ? describe(errors.get(0))
            : errors.size() + " fields need attention: " + String.join("; ", errors.stream().map(Checks::describe).toList());
        throw new InvalidInput(message, errors);
    }

    private static String describe(InvalidInput.FieldError error) {
        return error.field().isEmpty() ? error.message() : error.field() + " " + error.message();
    }
}
