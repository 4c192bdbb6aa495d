package org.redress.platform;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Rows read on every request but rarely changed, kept in memory until {@link ChangeNotices}
 * says they changed. Only what was found is kept (a look-up that found nothing is made again
 * next time), and nothing at all while changes made on other nodes may not reach this one.
 */
public final class KeptInMemory<K, V> implements ChangeNotices.Kept {

    private final Map<K, V> held = new ConcurrentHashMap<>();
    // Moves on every change, so that a look-up that read the database before a change does
    // not keep what it read after the change emptied the map.
    private final AtomicLong generation = new AtomicLong();
    private volatile boolean trusted;

    /** The value kept for {@code key}, else what {@code load} reads (kept if found). */
    public Optional<V> get(K key, Supplier<Optional<V>> load) {
        if (!trusted) {
            return load.get();
        }
        V known = held.get(key);
        if (known != null) {
            return Optional.of(known);
        }
        long before = generation.get();
        Optional<V> loaded = load.get();
        loaded.ifPresent(value -> {
            held.put(key, value);
            // A change may have landed while the database was read (or between the put and
            // here): what was read may be stale, so it goes. A change after this check empties
            // the map after the put.
            if (generation.get() != before || !trusted) {
                held.remove(key, value);
            }
        });
        return loaded;
    }

    @Override
    public void changed() {
        generation.incrementAndGet();
        held.clear();
    }

    @Override
    public void trust(boolean changesReachUs) {
        if (!changesReachUs) {
            trusted = false;
        }
        changed();
        trusted = changesReachUs;
    }
}
