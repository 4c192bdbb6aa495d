package org.redress.insights;

import java.nio.ByteBuffer;

import org.jspecify.annotations.Nullable;

/**
 * Durations in seconds, counted in buckets each 5% wider than the one before, with their sum,
 * so that a month's median is read from thirty days' histograms ({@link DailyFigures}) instead
 * of sorting the month's cases. Each bucket stands for the mean of its durations: a percentile
 * is exact while the durations around it fall in buckets of their own (a team's few cases, an
 * hour exactly), and within 5% of the exact one otherwise; between two durations it is
 * interpolated as {@code percentile_cont} does. Zero seconds has a bucket of its own.
 */
final class DurationHistogram {

    private static final double GROWTH = 1.05;
    private static final double LOG_GROWTH = Math.log(GROWTH);
    // Bucket 1 starts at one second; 430 buckets reach beyond ten years.
    static final int BUCKETS = 430;
    // A stored bucket: its number (short), count (int) and sum of seconds (long).
    private static final int ENTRY = 14;

    // Made at the first duration: most of a breakdown's lines on most days have none of some kind.
    private long[] counts = NONE;
    private long[] sums = NONE;
    private long total;
    private static final long[] NONE = new long[0];

    private void made() {
        if (counts == NONE) {
            counts = new long[BUCKETS];
            sums = new long[BUCKETS];
        }
    }

    void add(long seconds) {
        made();
        int bucket = bucket(seconds);
        counts[bucket]++;
        sums[bucket] += Math.max(0, seconds);
        total++;
    }

    void add(DurationHistogram other) {
        if (other.total == 0) {
            return;
        }
        made();
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] += other.counts[i];
            sums[i] += other.sums[i];
        }
        total += other.total;
    }

    long count() {
        return total;
    }

    /** The {@code fraction} percentile (0.5: the median), in seconds; none without durations. */
    @Nullable Double percentile(double fraction) {
        if (total == 0) {
            return null;
        }
        double position = fraction * (total - 1);
        long below = (long) Math.floor(position);
        double lower = valueAt(below);
        double upper = valueAt(Math.min(total - 1, below + 1));
        return lower + (position - below) * (upper - lower);
    }

    // The value standing for the duration at this rank (0: the shortest).
    private double valueAt(long rank) {
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (rank < seen) {
                return (double) sums[i] / counts[i];
            }
        }
        throw new IllegalStateException("rank " + rank + " beyond " + total);
    }

    static int bucket(long seconds) {
        if (seconds <= 0) {
            return 0;
        }
        return (int) Math.min(BUCKETS - 1, 1 + (long) Math.floor(Math.log(seconds) / LOG_GROWTH));
    }

    /** The buckets that hold a duration, as (bucket, count, sum) triples: a day's histogram takes a few hundred bytes. */
    byte[] bytes() {
        int used = 0;
        for (long count : counts) {
            used += count == 0 ? 0 : 1;
        }
        ByteBuffer buffer = ByteBuffer.allocate(used * ENTRY);
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] != 0) {
                buffer.putShort((short) i).putInt((int) counts[i]).putLong(sums[i]);
            }
        }
        return buffer.array();
    }

    static DurationHistogram of(byte @Nullable [] bytes) {
        DurationHistogram histogram = new DurationHistogram();
        if (bytes != null) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.remaining() >= ENTRY) {
                histogram.made();
                int bucket = buffer.getShort();
                int count = buffer.getInt();
                histogram.counts[bucket] += count;
                histogram.sums[bucket] += buffer.getLong();
                histogram.total += count;
            }
        }
        return histogram;
    }
}
