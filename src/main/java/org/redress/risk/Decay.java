package org.redress.risk;

import java.time.Duration;
import java.time.Instant;

/** Exponential decay: points halve every half-life, so old trouble fades and recent trouble counts. */
final class Decay {

    private Decay() {
    }

    /** What {@code amount} points at {@code from} are worth at {@code at}; never more than they were. */
    static double decayed(double amount, Instant from, Instant at, Duration halfLife) {
        if (!at.isAfter(from)) {
            return amount;
        }
        double halfLives = (double) Duration.between(from, at).toMillis() / halfLife.toMillis();
        return amount * Math.pow(0.5, halfLives);
    }
}
