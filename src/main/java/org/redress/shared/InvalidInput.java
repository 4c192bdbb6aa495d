package org.redress.shared;

import java.util.List;

/**
 * A request that cannot be carried out as given. The message says what to change, in
 * words a person understands; {@link #errors()} names the fields at fault.
 */
public class InvalidInput extends RuntimeException {

    public record FieldError(String field, String message) {}

    private final List<FieldError> errors;

    public InvalidInput(String message) {
        this(message, List.of());
    }

    public InvalidInput(String message, List<FieldError> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public static InvalidInput field(String field, String message) {
        return new InvalidInput(field + " " + message, List.of(new FieldError(field, message)));
    }

    /** The same refusal with a field named as the caller's request names it (another module's {@code type} is its {@code remedyType}). */
    public InvalidInput renamed(String field, String as) {
        String message = getMessage() != null && getMessage().startsWith(field + " ") ? as + getMessage().substring(field.length())
            : String.valueOf(getMessage());
        return new InvalidInput(message, errors.stream()
            .map(error -> error.field().equals(field) ? new FieldError(as, error.message()) : error).toList());
    }

    public List<FieldError> errors() {
        return errors;
    }
}
