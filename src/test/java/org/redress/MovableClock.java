package org.redress;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock in tests: real time (in microseconds, as the application's own
 * clock), plus however far a test has moved it. A test moves time forward to see what
 * happens after it (a window elapsing, a deadline passing) instead of writing past times
 * into tables, and puts it back when done.
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

    /** Back to real time. */
    public void reset() {
        moved.set(Duration.ZERO);
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

    /** Puts the movable clock in place of the application's own. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }
}
