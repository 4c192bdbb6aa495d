package org.redress.identity;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * Who a request is, kept between requests: the user behind each API token, and each console
 * person as they are now. Without it every API call began with a transaction of its own to
 * read the token, and every console page with a read of its person: rows that change a few
 * times a year, read thousands of times a second.
 * <p>
 * It is right only because every change to users and tokens empties it ({@link IdentityChanges}):
 * on this node when the changing transaction ends, so a revocation is answered only once the
 * token is refused here; on the other nodes when PostgreSQL delivers the notification sent by
 * that commit (milliseconds). While this node cannot hear the others (starting, or its
 * listening connection lost) it keeps nothing and asks the database every time. Only what
 * was found is kept: an unknown token is looked up again on each try.
 */
@Component
class SignedInCache {

    /** A token found valid, and when its use was last recorded (recorded at most once a minute). */
    record KnownToken(long tokenId, RedressUser user, AtomicReference<Instant> lastUsedAt) {}

    private final Map<String, KnownToken> tokens = new ConcurrentHashMap<>();
    private final Map<Long, RedressUser> people = new ConcurrentHashMap<>();
    // Moves on every change, so that a look-up that read the database before a change does
    // not keep what it read after the change emptied the cache.
    private final AtomicLong generation = new AtomicLong();
    private volatile boolean trusted;

    Optional<KnownToken> token(String tokenHash, Supplier<Optional<KnownToken>> load) {
        return cached(tokens, tokenHash, load);
    }

    Optional<RedressUser> person(long userId, Supplier<Optional<RedressUser>> load) {
        return cached(people, userId, load);
    }

    /** Something about users or tokens changed: forget everything. */
    void forget() {
        generation.incrementAndGet();
        tokens.clear();
        people.clear();
    }

    /** Whether changes made on every node reach this one; while not, nothing is kept. */
    void trust(boolean changesReachUs) {
        if (!changesReachUs) {
            trusted = false;
        }
        forget();
        trusted = changesReachUs;
    }

    private <K, V> Optional<V> cached(Map<K, V> held, K key, Supplier<Optional<V>> load) {
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
            // the cache after the put.
            if (generation.get() != before || !trusted) {
                held.remove(key, value);
            }
        });
        return loaded;
    }
}
