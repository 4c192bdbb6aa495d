package org.redress;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;


/**
 * The application's clock in tests: real time (in microseconds, as the application's own
 * clock), plus however far a test has moved it. A test moves time forward to see what
 * happens after it (a window elapsing, a deadline passing) instead of writing past times
 * into tables. Given to a node of the test's own ({@code Nodes.start(url, mail, clock, …)}):
 * moving the clock of the application the other tests share would fire every timer of their
 * open cases too.
 */
public final class MovableClock extends Clock {

    private static final Clock REAL = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));

    // Shared by the zoned views of this clock: time moved on one is moved on all.
    private final AtomicReference<Duration> moved;
    private final ZoneId zone;

    public MovableClock() {
        this(new AtomicReference<>(Duration.ZERO), ZoneOffset.UTC);
    }

    private MovableClock(AtomicReference<Duration> moved, ZoneId zone) {
        this.moved = moved;
        this.zone = zone;
    }

    /** Moves time forward (a negative duration moves it back). */
    public void advance(Duration by) {
        moved.accumulateAndGet(by, Duration::plus);
    }

    @Override
    public Instant instant() {
        return REAL.instant().plus(moved.get());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new MovableClock(moved, other);
    }
}
