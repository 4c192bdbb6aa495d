package org.redress.platform;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure of the database (unreachable, too slow, lost while saving) from any
 * other failure, and words the answer honestly: a request that failed before its commit
 * changed nothing; one whose connection was lost during the commit may or may not have.
 */
@Component
class Outages {

    /** What happened to the database, and what the caller is told. */
    record Outage(String title, String detail, String outcome) {}

    static final Outage UNREACHABLE = new Outage("Database unavailable",
        "Redress cannot reach its database at the moment, so this request was not carried out: nothing was changed. "
            + "Please try again in a few seconds.", "not-applied");
    static final Outage TOO_SLOW = new Outage("Database too slow",
        "The database did not answer in time, so this request was not carried out: nothing was changed. "
            + "Please try again in a few seconds.", "not-applied");
    static final Outage OUTCOME_UNKNOWN = new Outage("Outcome unknown",
        "The database did not confirm this change while it was being saved (the connection was lost, or its answer "
            + "did not come in time), so Redress cannot tell whether it was saved. Check before repeating it "
            + "(a request repeated with the same Idempotency-Key is never applied twice).", "unknown");

    // Connection failures (08), the server shutting down or not yet taking connections (57P0x), too many connections.
    private static final Set<String> UNREACHABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");
    private static final String QUERY_CANCELED = "57014";

    private final String retryAfterSeconds;

    Outages(DatabaseSettings settings) {
        this.retryAfterSeconds = String.valueOf(Math.max(1, settings.retryAfter().toSeconds()));
    }

    /** The value of {@code Retry-After} for an answer refused during an outage. */
    String retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The outage this failure shows, or null when it is not the database's. */
    @Nullable Outage of(@Nullable Throwable failure) {
        return outageOf(failure);
    }

    static @Nullable Outage outageOf(@Nullable Throwable failure) {
        Outage found = null;
        for (Throwable t : chain(failure)) {
            if (t instanceof OutcomeUnknown) {
                return OUTCOME_UNKNOWN;
            }
            if (found == null) {
                found = direct(t);
            }
        }
        return found;
    }

    /*
     * The failure and its causes; when a rollback failed after the request had failed (the
     * connection was gone by then), also the request's own failure that the rollback's hides.
     */
    private static List<Throwable> chain(@Nullable Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        Deque<Throwable> next = new ArrayDeque<>();
        if (failure != null) {
            next.add(failure);
        }
        while (!next.isEmpty() && chain.size() < 50) {
            Throwable t = next.poll();
            if (seen.put(t, true) != null) {
                continue;
            }
            chain.add(t);
            if (t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null) {
                next.addFirst(rollback.getApplicationException());
            }
            if (t.getCause() != null) {
                next.add(t.getCause());
            }
        }
        return chain;
    }

    private static @Nullable Outage direct(Throwable t) {
        if (t instanceof QueryTimeoutException || t instanceof SQLException sql && QUERY_CANCELED.equals(sql.getSQLState())) {
            return TOO_SLOW;
        }
        if (t instanceof CannotGetJdbcConnectionException || t instanceof CannotCreateTransactionException
            || t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessResourceException
            || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
            || t instanceof SQLRecoverableException) {
            return UNREACHABLE;
        }
        if (t instanceof SQLException sql && isConnectionFailure(sql)) {
            return UNREACHABLE;
        }
        return null;
    }

    /** A failure of the connection itself, after which nothing more is heard from the database. */
    static boolean isConnectionFailure(SQLException e) {
        String state = e.getSQLState();
        return e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException
            || e instanceof SQLRecoverableException
            || state != null && (state.startsWith("08") || UNREACHABLE_STATES.contains(state));
    }

    /** True when the failure, or one of its causes, is a lost or refused connection. */
    static boolean isConnectionFailure(@Nullable Throwable failure) {
        return chain(failure).stream().anyMatch(t -> t instanceof SQLException sql && isConnectionFailure(sql));
    }
}
