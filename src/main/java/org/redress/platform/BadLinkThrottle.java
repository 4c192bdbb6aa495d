package org.redress.remedies;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Slows down guessing: an address that presented {@link #LIMIT} bad customer links within
 * {@link #WINDOW} is refused until the window has passed. Kept per node, in memory: a
 * guesser spread over nodes gets a few more tries, never enough to matter against a
 * 256-bit signature.
 */
@Component
class BadLinkThrottle {

    static final int LIMIT = 10;
    static final Duration WINDOW = Duration.ofMinutes(10);
    private static final int MAX_TRACKED = 100_000;

    private record Strikes(Instant since, int count) {}

    private final Map<String, Strikes> strikes = new ConcurrentHashMap<>();
    private final Clock clock;

    BadLinkThrottle(Clock clock) {
        this.clock = clock;
    }

    boolean blocked(String address) {
        Strikes current = strikes.get(address);
        return current != null && current.count() >= LIMIT && current.since().plus(WINDOW).isAfter(clock.instant());
    }

    void strike(String address) {
        Instant now = clock.instant();
        if (strikes.size() > MAX_TRACKED) {
            strikes.values().removeIf(s -> s.since().plus(WINDOW).isBefore(now));
        }
        strikes.merge(address, new Strikes(now, 1), (old, fresh) ->
            old.since().plus(WINDOW).isBefore(now) ? fresh : new Strikes(old.since(), old.count() + 1));
    }

    /** Forgets every strike (for tests that must not see each other's guesses). */
    void forgive() {
        strikes.clear();
    }
}
