package org.redress.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts attempts per key (a client address) in a fixed window: once {@code limit} were
 * counted within the window that began with the key's first, the key waits until that window
 * has passed. Kept in memory on this node: a client spread over nodes gets a few more tries,
 * and a restart forgets the counts; enough to slow guessing and flooding, not an audit.
 */
public final class AttemptWindow {

    private static final int MAX_TRACKED = 100_000;

    private record Count(Instant since, int count) {}

    private final Map<String, Count> counts = new ConcurrentHashMap<>();
    private final int limit;
    private final Duration window;
    private final Clock clock;

    public AttemptWindow(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** How long the key must still wait; zero when it may go on. */
    public Duration waitFor(String key) {
        Count current = counts.get(key);
        if (current == null || current.count() < limit) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), current.since().plus(window));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** One more attempt by the key. */
    public void count(String key) {
        Instant now = clock.instant();
        if (counts.size() > MAX_TRACKED) {
            counts.values().removeIf(c -> !c.since().plus(window).isAfter(now));
        }
        counts.merge(key, new Count(now, 1), (old, fresh) ->
            old.since().plus(window).isAfter(now) ? new Count(old.since(), old.count() + 1) : fresh);
    }
}
