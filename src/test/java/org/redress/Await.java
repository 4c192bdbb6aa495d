package org.redress;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waits for what a node does on its own (a scheduled refresh, a listener after commit), at most 30 s unless told. */
public final class Await {

    private static final Duration LONGEST = Duration.ofSeconds(30);

    private Await() {
    }

    public static void until(BooleanSupplier condition, String what) {
        until(condition, what, LONGEST);
    }

    public static void until(BooleanSupplier condition, String what, Duration longest) {
        Instant deadline = Instant.now().plus(longest);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Waited " + longest.toSeconds() + " s for " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
