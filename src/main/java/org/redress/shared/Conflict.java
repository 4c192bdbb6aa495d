package org.redress.shared;

/**
 * The request is well-formed but the current state forbids it, e.g. closing a case as
 * recovered before the customer's problem was resolved. The message says what is missing.
 */
public class Conflict extends RuntimeException {

    public Conflict(String message) {
        super(message);
    }
}
