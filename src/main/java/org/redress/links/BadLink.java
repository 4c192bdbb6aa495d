package org.redress.links;

import org.springframework.http.HttpStatus;

/**
 * A customer link that opens nothing. A page controller throws it and the customer gets the
 * one "not valid" page of every link (or a problem document, if they asked for JSON), and
 * the client's strike against the throttle is counted. The customer learns no more than
 * that the link does not work (or, for a genuine one, that it has expired).
 */
public final class BadLink extends RuntimeException {

    private final HttpStatus status;
    private final long retryAfterSeconds;

    private BadLink(HttpStatus status, long retryAfterSeconds) {
        // No stack trace: a bad link is an answer, not a failure, and guessers make many.
        super(status.getReasonPhrase(), null, false, false);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Unknown, altered or not a link at all: 404. */
    public static BadLink unknown() {
        return new BadLink(HttpStatus.NOT_FOUND, 0);
    }

    /** A genuine link past its time: 410. */
    public static BadLink expired() {
        return new BadLink(HttpStatus.GONE, 0);
    }

    /** The client presented too many bad links and must wait: 429, checked before any link is looked at. */
    static BadLink tooMany(long retryAfterSeconds) {
        return new BadLink(HttpStatus.TOO_MANY_REQUESTS, retryAfterSeconds);
    }

    HttpStatus status() {
        return status;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
