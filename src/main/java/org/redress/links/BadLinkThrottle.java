package org.redress.links;

import java.time.Clock;
import java.time.Duration;

import org.redress.shared.AttemptWindow;
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

    private final AttemptWindow strikes;

    @Autowired
    BadLinkThrottle(LinkSettings settings, Clock clock) {
        this(settings.badTokenLimit(), settings.badTokenWindow(), clock);
    }

    BadLinkThrottle(int limit, Duration window, Clock clock) {
        this.strikes = new AttemptWindow(limit, window, clock);
    }

    /** How long the address must still wait before presenting a link; zero when it may. */
    Duration waitFor(String address) {
        return strikes.waitFor(address);
    }

    /** The address presented a bad link. */
    void strike(String address) {
        strikes.count(address);
    }
}
