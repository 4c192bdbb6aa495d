package org.redress.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class DecayTests {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final Duration WEEK = Duration.ofDays(7);

    @Test
    void pointsHalveEveryHalfLife() {
        assertThat(Decay.decayed(8, T0, T0, WEEK)).isEqualTo(8);
        assertThat(Decay.decayed(8, T0, T0.plus(WEEK), WEEK)).isCloseTo(4, within(1e-9));
        assertThat(Decay.decayed(8, T0, T0.plus(WEEK.multipliedBy(3)), WEEK)).isCloseTo(1, within(1e-9));
        assertThat(Decay.decayed(8, T0, T0.plus(Duration.ofHours(84)), WEEK)).isCloseTo(8 / Math.sqrt(2), within(1e-9));
    }

    @Test
    void decayingInStepsEqualsDecayingAtOnce() {
        double stepwise = Decay.decayed(Decay.decayed(5, T0, T0.plus(Duration.ofDays(3)), WEEK), T0.plus(Duration.ofDays(3)),
            T0.plus(Duration.ofDays(10)), WEEK);
        assertThat(stepwise).isCloseTo(Decay.decayed(5, T0, T0.plus(Duration.ofDays(10)), WEEK), within(1e-9));
    }

    @Test
    void aTimeBeforeTheSignalNeverRaisesIt() {
        assertThat(Decay.decayed(5, T0, T0.minus(WEEK), WEEK)).isEqualTo(5);
    }
}
