package org.redress;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waits for what a node does on its own (a scheduled refresh, a listener after commit), at most 30 s. */
public final class Await {

    private static final Duration LONGEST = Duration.ofSeconds(30);

    private Await() {
    }

    public static void until(BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(LONGEST);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Waited " + LONGEST.toSeconds() + " s for " + what);
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
