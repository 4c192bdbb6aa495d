package org.redress.platform;

import java.util.function.Supplier;

/**
 * Database work that a background thread does for requests waiting on it (intake's writers,
 * ADR 18). It gets the requests' limits on waiting for the database, so an outage fails it
 * as fast as it would fail the requests themselves, and its failures are told apart the way
 * the requests' own are.
 */
public final class RequestWork {

    private static final ThreadLocal<Boolean> FOR_REQUESTS = ThreadLocal.withInitial(() -> false);

    private RequestWork() {}

    /** Runs this on the current thread with a request's database limits (per answer and per statement). */
    public static <T> T run(Supplier<T> work) {
        boolean outer = FOR_REQUESTS.get();
        FOR_REQUESTS.set(true);
        try {
            return work.get();
        } finally {
            FOR_REQUESTS.set(outer);
        }
    }

    static boolean active() {
        return FOR_REQUESTS.get();
    }

    /**
     * True when this failure is the database's connection (unreachable, lost while saving)
     * rather than the work's own: trying the same work again at once would only fail again.
     */
    public static boolean isConnectionLost(Throwable failure) {
        Outages.Outage outage = Outages.outageOf(failure);
        return outage == Outages.UNREACHABLE || outage == Outages.OUTCOME_UNKNOWN;
    }

    /** A failure that tells the caller its change was being saved, and may or may not have been. */
    public static RuntimeException outcomeUnknown(String message) {
        return new OutcomeUnknown(message);
    }
}
