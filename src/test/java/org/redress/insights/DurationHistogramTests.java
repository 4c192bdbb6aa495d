package org.redress.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The histograms a month's percentiles are read from: exact for a few cases, within 5% for many, merged and stored without loss. */
class DurationHistogramTests {

    @Test
    void percentilesOfManyDurationsAreWithinFivePerCentOfTheExactOnes() {
        Random random = new Random(7);
        long[] seconds = new long[10_001];
        DurationHistogram histogram = new DurationHistogram();
        for (int i = 0; i < seconds.length; i++) {
            // From a minute to a fortnight, most of them within a few hours.
            seconds[i] = 60 + (long) Math.exp(random.nextDouble() * Math.log(14 * 86_400.0));
            histogram.add(seconds[i]);
        }
        Arrays.sort(seconds);

        for (double fraction : new double[] {0.1, 0.5, 0.9, 0.99}) {
            double exact = exact(seconds, fraction);
            assertThat(histogram.percentile(fraction)).as("percentile %s", fraction).isCloseTo(exact, within(exact * 0.05));
        }
        assertThat(histogram.count()).isEqualTo(10_001);
    }

    @Test
    void aFewDurationsGiveTheExactPercentilesInterpolatedAsPercentileContDoes() {
        DurationHistogram histogram = new DurationHistogram();
        histogram.add(3_600);
        histogram.add(600);
        histogram.add(1_200);

        assertThat(histogram.percentile(0.5)).isEqualTo(1_200.0);
        assertThat(histogram.percentile(0.9)).isEqualTo(3_120.0);
        assertThat(histogram.percentile(0.25)).isEqualTo(900.0);
    }

    @Test
    void noDurationsHaveNoPercentileAndZeroSecondsIsZero() {
        DurationHistogram histogram = new DurationHistogram();
        assertThat(histogram.percentile(0.5)).isNull();

        histogram.add(0);
        assertThat(histogram.percentile(0.5)).isZero();
    }

    @Test
    void daysStoredAndAddedUpGiveTheSameHistogramAsTheMonthCountedAtOnce() {
        DurationHistogram month = new DurationHistogram();
        DurationHistogram added = new DurationHistogram();
        Random random = new Random(11);
        for (int day = 0; day < 30; day++) {
            DurationHistogram oneDay = new DurationHistogram();
            for (int i = 0; i < 50; i++) {
                long seconds = random.nextInt(200_000);
                oneDay.add(seconds);
                month.add(seconds);
            }
            added.add(DurationHistogram.of(oneDay.bytes()));
        }

        assertThat(added.count()).isEqualTo(1_500);
        assertThat(added.bytes()).isEqualTo(month.bytes());
        assertThat(added.percentile(0.9)).isEqualTo(month.percentile(0.9));
        assertThat(DurationHistogram.of(null).count()).isZero();
    }

    // What PostgreSQL's percentile_cont gives over the sorted values.
    private static double exact(long[] sorted, double fraction) {
        double position = fraction * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
