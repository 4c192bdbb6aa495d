package org.redress.platform;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows a transaction has to write and has not written yet. They are written together, by one
 * statement of their writer, just before the transaction commits (an intake records two audit
 * lines; a batch of complaints written together opens many cases, each with clocks), so they
 * are stored exactly when the change is. A savepoint rolled back takes the rows recorded since
 * with it, as it would have taken them from the tables. A module that reads or changes what it
 * holds back this way first {@link #settle settles} it, so it never misses a row of its own.
 */
public final class PendingRows<T> implements TransactionSynchronization {

    private final Consumer<List<T>> writer;
    private final List<T> rows = new ArrayList<>();
    private final Map<Object, Integer> savepoints = new IdentityHashMap<>();
    private int written;
    private boolean committing;

    private PendingRows(Consumer<List<T>> writer) {
        this.writer = writer;
    }

    /**
     * Holds {@code row} back until the transaction in progress commits, to be written by
     * {@code writer} (always the same object) with the others; outside a transaction, or in a
     * read-only one, writes it at once.
     */
    public static <T> void add(Consumer<List<T>> writer, T row) {
        PendingRows<T> pending = of(writer, true);
        if (pending == null) {
            writer.accept(List.of(row));
        } else {
            pending.hold(row);
        }
    }

    /** Writes what this transaction holds back for {@code writer}, if anything, now. */
    public static <T> void settle(Consumer<List<T>> writer) {
        PendingRows<?> pending = of(writer, false);
        if (pending != null) {
            pending.flush();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> @Nullable PendingRows<T> of(Consumer<List<T>> writer, boolean create) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()
                || TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            return null;
        }
        // Looked up among the transaction's synchronizations, not bound as a resource: an inner
        // transaction (REQUIRES_NEW) has synchronizations of its own, and so rows of its own.
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof PendingRows<?> pending && (Object) pending.writer == writer) {
                return (PendingRows<T>) pending;
            }
        }
        if (!create) {
            return null;
        }
        PendingRows<T> pending = new PendingRows<>(writer);
        TransactionSynchronizationManager.registerSynchronization(pending);
        return pending;
    }

    private void hold(T row) {
        if (committing) {
            // Recorded by another synchronization while the transaction commits: written at once.
            writer.accept(List.of(row));
            written++;
            return;
        }
        rows.add(row);
    }

    @Override
    public void flush() {
        if (!rows.isEmpty()) {
            List<T> batch = List.copyOf(rows);
            rows.clear();
            writer.accept(batch);
            written += batch.size();
        }
    }

    @Override
    public void beforeCommit(boolean readOnly) {
        flush();
        committing = true;
    }

    @Override
    public void savepoint(Object savepoint) {
        savepoints.put(savepoint, written + rows.size());
    }

    @Override
    public void savepointRollback(Object savepoint) {
        // A savepoint taken before the first row was held (this object did not exist yet):
        // every row held was recorded after it.
        Integer taken = savepoints.remove(savepoint);
        int mark = taken == null ? 0 : taken;
        if (mark >= written) {
            rows.subList(mark - written, rows.size()).clear();
        } else {
            // Rows written since the savepoint went back with it in the database.
            written = mark;
            rows.clear();
        }
    }
}
