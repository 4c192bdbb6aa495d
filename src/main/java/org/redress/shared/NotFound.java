package org.redress.shared;

/** The thing asked for does not exist (or the caller may not know that it does). */
public class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message);
    }
}
