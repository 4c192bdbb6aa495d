package org.redress.links;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Slows down guessing of customer links: a client address that presented
 * {@code redress.links.bad-token-limit} bad links (unknown, altered or expired) within
 * {@code redress.links.bad-token-window} is refused every link until the window has passed,
 * before any link is looked at. Kept per node, in memory: a guesser spread over nodes gets a
 * few more tries, never enough to matter against 192- and 256-bit secrets and signatures,
 * and a restart forgets the counts.
 */
@Component
class BadLinkThrottle {

    private static final int MAX_TRACKED = 100_000;

    private record Strikes(Instant since, int count) {}

    private final Map<String, Strikes> strikes = new ConcurrentHashMap<>();
    private final int limit;
    private final Duration window;
    private final Clock clock;

    @Autowired
    BadLinkThrottle(LinkSettings settings, Clock clock) {
        this(settings.badTokenLimit(), settings.badTokenWindow(), clock);
    }

    BadLinkThrottle(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** How long the address must still wait before presenting a link; zero when it may. */
    Duration waitFor(String address) {
        Strikes current = strikes.get(address);
        if (current == null || current.count() < limit) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), current.since().plus(window));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** The address presented a bad link. */
    void strike(String address) {
        Instant now = clock.instant();
        if (strikes.size() > MAX_TRACKED) {
            strikes.values().removeIf(s -> !s.since().plus(window).isAfter(now));
        }
        strikes.merge(address, new Strikes(now, 1), (old, fresh) ->
            old.since().plus(window).isAfter(now) ? new Strikes(old.since(), old.count() + 1) : fresh);
    }
}
