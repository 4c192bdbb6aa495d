package org.redress.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Slows down guessing of customer links (case, survey and incident pages): an address that
 * presented {@link #LIMIT} bad links within {@link #WINDOW} is refused until the window has
 * passed. Only bad links count and only bad links are refused, so a customer's genuine link
 * always works. Kept per node, in memory: a guesser spread over nodes gets a few more
 * tries, never enough to matter against 256-bit secrets.
 */
@Component
public class BadLinkThrottle {

    public static final int LIMIT = 10;
    public static final Duration WINDOW = Duration.ofMinutes(10);
    private static final int MAX_TRACKED = 100_000;

    private record Strikes(Instant since, int count) {}

    private final Map<String, Strikes> strikes = new ConcurrentHashMap<>();
    private final Clock clock;

    BadLinkThrottle(Clock clock) {
        this.clock = clock;
    }

    /**
     * What to answer a link that opens nothing: 404, or 429 once this address has guessed
     * too often (the page then says to wait, and {@code Retry-After} says how long).
     */
    public HttpStatus refuse(HttpServletRequest request, HttpServletResponse response) {
        String address = request.getRemoteAddr();
        if (blocked(address)) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(WINDOW.toSeconds()));
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            return HttpStatus.TOO_MANY_REQUESTS;
        }
        strike(address);
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return HttpStatus.NOT_FOUND;
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
    public void forgive() {
        strikes.clear();
    }
}
