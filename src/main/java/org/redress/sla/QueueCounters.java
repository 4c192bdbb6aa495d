package org.redress.sla;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.redress.cases.CaseScope;
import org.redress.identity.RedressUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The queue's tab counters, kept a few seconds per reader. Counting scans every open case
 * the reader may open (all 50,000 for an admin at a million cases), and every queue page
 * shows the counters, while the queue itself changes far less often than people look at it.
 * A change to the queue on this node (a case opened, moved, closed, a clock met or missed)
 * counts afresh at once; one on another node shows within {@link #FRESH}, as counters on
 * other helpdesks do.
 */
@Component
class QueueCounters {

    static final Duration FRESH = Duration.ofSeconds(5);
    private static final int MOST_READERS = 10_000;

    // Who reads, and what they may open (the scope's condition: equal scopes read alike).
    private record Reader(long userId, @Nullable Long teamId, String scope) {}

    private record Counted(CaseQueue.Counts counts, long atNanos, long generation) {}

    private final Map<Reader, Counted> recent = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    /** The reader's counters: as counted within the last few seconds and no change since, else counted now. */
    CaseQueue.Counts of(RedressUser reader, Supplier<CaseQueue.Counts> count) {
        Reader key = new Reader(reader.id(), reader.teamId(), CaseScope.of(reader).onCases("q"));
        long now = System.nanoTime();
        long current = generation.get();
        Counted counted = recent.get(key);
        if (counted != null && counted.generation() == current && now - counted.atNanos() < FRESH.toNanos()) {
            return counted.counts();
        }
        CaseQueue.Counts counts = count.get();
        if (recent.size() >= MOST_READERS) {
            recent.clear();
        }
        recent.put(key, new Counted(counts, now, current));
        return counts;
    }

    /**
     * The queue changed: counters are counted afresh, now and again once the change commits
     * (a reader counting meanwhile saw the queue before it).
     */
    void changed() {
        generation.incrementAndGet();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    generation.incrementAndGet();
                }
            });
        }
    }
}
