package org.redress.audit;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The audit lines a transaction recorded and has not written yet. They are written together,
 * in one statement, just before the transaction commits (an intake records two lines, many
 * actions more), so they are stored exactly when the change is. A savepoint rolled back takes
 * the lines recorded since with it, as it would have taken the rows.
 */
final class PendingLines implements TransactionSynchronization {

    /** One line of the audit log, as recorded. */
    record Line(Timestamp occurredAt, @Nullable Long actorId, String actorName, String action, String subject,
                @Nullable String details) {}

    private final Consumer<List<Line>> writer;
    private final List<Line> lines = new ArrayList<>();
    private final Map<Object, Integer> savepoints = new IdentityHashMap<>();
    private int written;
    private boolean committing;

    private PendingLines(Consumer<List<Line>> writer) {
        this.writer = writer;
    }

    /**
     * The lines of the transaction in progress that {@code writer} will write; null outside a
     * transaction (a line is then written at once).
     */
    static @Nullable PendingLines of(Consumer<List<Line>> writer) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()
                || TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            return null;
        }
        // Looked up among the transaction's synchronizations, not bound as a resource: an inner
        // transaction (REQUIRES_NEW) has synchronizations of its own, and so lines of its own.
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof PendingLines pending && pending.writer == writer) {
                return pending;
            }
        }
        PendingLines pending = new PendingLines(writer);
        TransactionSynchronizationManager.registerSynchronization(pending);
        return pending;
    }

    void add(Line line) {
        if (committing) {
            // Recorded by another synchronization while the transaction commits: written at once.
            writer.accept(List.of(line));
            written++;
            return;
        }
        lines.add(line);
    }

    @Override
    public void flush() {
        if (!lines.isEmpty()) {
            writer.accept(List.copyOf(lines));
            written += lines.size();
            lines.clear();
        }
    }

    @Override
    public void beforeCommit(boolean readOnly) {
        flush();
        committing = true;
    }

    @Override
    public void savepoint(Object savepoint) {
        savepoints.put(savepoint, written + lines.size());
    }

    @Override
    public void savepointRollback(Object savepoint) {
        // A savepoint taken before the first line was recorded (this object did not exist yet):
        // every line held was recorded after it.
        Integer taken = savepoints.remove(savepoint);
        int mark = taken == null ? 0 : taken;
        if (mark >= written) {
            lines.subList(mark - written, lines.size()).clear();
        } else {
            // Lines written since the savepoint went back with it in the database.
            written = mark;
            lines.clear();
        }
    }
}
