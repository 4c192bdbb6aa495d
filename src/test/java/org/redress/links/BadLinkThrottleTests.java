package org.redress.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.redress.MovableClock;

/** An address that presents too many bad links waits until its window has passed; other addresses do not. */
class BadLinkThrottleTests {

    private final MovableClock clock = new MovableClock();
    private final BadLinkThrottle throttle = new BadLinkThrottle(20, Duration.ofMinutes(10), clock);

    @Test
    void theLimitOfBadLinksMayBeReachedWithoutWaiting() {
        strike("203.0.113.7", 19);

        assertThat(throttle.waitFor("203.0.113.7")).isZero();
    }

    @Test
    void reachingTheLimitMakesTheAddressWaitForTheRestOfItsWindow() {
        strike("203.0.113.7", 20);

        clock.advance(Duration.ofMinutes(4));

        assertThat(throttle.waitFor("203.0.113.7")).isBetween(Duration.ofMinutes(5).plusSeconds(59), Duration.ofMinutes(6));
        assertThat(throttle.waitFor("203.0.113.8")).isZero();
    }

    @Test
    void onceTheWindowHasPassedTheAddressStartsAgain() {
        strike("203.0.113.7", 20);

        clock.advance(Duration.ofMinutes(10).plusSeconds(1));

        assertThat(throttle.waitFor("203.0.113.7")).isZero();
        strike("203.0.113.7", 19);
        assertThat(throttle.waitFor("203.0.113.7")).isZero();
    }

    @Test
    void badLinksSpreadOverMoreThanAWindowNeverAddUp() {
        strike("203.0.113.7", 15);
        clock.advance(Duration.ofMinutes(11));

        strike("203.0.113.7", 15);

        assertThat(throttle.waitFor("203.0.113.7")).isZero();
    }

    private void strike(String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.strike(address);
        }
    }
}
