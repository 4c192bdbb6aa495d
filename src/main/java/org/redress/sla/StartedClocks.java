package org.redress.sla;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The clocks the transaction in progress started for new cases, as it wrote them. The answer
 * to an intake shows the new case's most pressing deadline; with these it need not read back
 * the rows it has just written (a round trip on the hottest write). Any later change to a
 * case's clocks in the same transaction goes through its queue row ({@link QueueRows}), which
 * forgets the case, so it is read from the table again; a savepoint rolled back forgets all.
 */
final class StartedClocks implements TransactionSynchronization {

    /** A running clock as it was started: not met, stopped or paused. */
    record Started(Target target, long policyId, Instant warnAt, Instant dueAt) {}

    private final Map<Long, List<Started>> byCase = new HashMap<>();

    private StartedClocks() {}

    /** Remembers a new case's clocks until the transaction ends; outside a transaction, nothing. */
    static void remember(long caseId, List<Started> clocks) {
        StartedClocks started = current(true);
        if (started != null) {
            started.byCase.put(caseId, List.copyOf(clocks));
        }
    }

    /** The case's clocks changed after they started: they are to be read from the table. */
    static void forget(long caseId) {
        StartedClocks started = current(false);
        if (started != null) {
            started.byCase.remove(caseId);
        }
    }

    /** The running clocks this transaction started for the case and has not changed since; null if none. */
    static @Nullable List<Started> of(long caseId) {
        StartedClocks started = current(false);
        return started == null ? null : started.byCase.get(caseId);
    }

    private static @Nullable StartedClocks current(boolean create) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            return null;
        }
        // Found among the transaction's synchronizations rather than bound as a resource: an
        // inner transaction (REQUIRES_NEW) has synchronizations of its own, and sees none of these.
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof StartedClocks started) {
                return started;
            }
        }
        if (!create) {
            return null;
        }
        StartedClocks started = new StartedClocks();
        TransactionSynchronizationManager.registerSynchronization(started);
        return started;
    }

    @Override
    public void savepointRollback(Object savepoint) {
        byCase.clear();
    }
}
