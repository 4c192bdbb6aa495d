package org.redress.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class KeptInMemoryTests {

    private final KeptInMemory<String, String> cache = new KeptInMemory<>();
    private final AtomicInteger reads = new AtomicInteger();

    private Optional<String> read(String name) {
        reads.incrementAndGet();
        return Optional.of(name);
    }

    @Test
    void whileTrustedARowIsReadOnceUntilSomethingChanges() {
        cache.trust(true);

        String first = cache.get("pat", () -> read("Pat")).orElseThrow();
        String second = cache.get("pat", () -> read("Changed")).orElseThrow();
        cache.changed();
        String afterChange = cache.get("pat", () -> read("Changed")).orElseThrow();

        assertThat(first).isEqualTo("Pat");
        assertThat(second).isEqualTo("Pat");
        assertThat(afterChange).isEqualTo("Changed");
        assertThat(reads).hasValue(2);
    }

    @Test
    void untrustedItReadsEveryTimeAndKeepsNothing() {
        cache.get("pat", () -> read("Pat"));
        cache.get("pat", () -> read("Pat"));
        cache.trust(true);
        cache.get("pat", () -> read("Pat"));

        assertThat(reads).hasValue(3);
    }

    @Test
    void losingTrustForgetsWhatWasKept() {
        cache.trust(true);
        cache.get("pat", () -> read("Pat"));
        cache.trust(false);
        cache.trust(true);
        cache.get("pat", () -> read("Pat"));

        assertThat(reads).hasValue(2);
    }

    @Test
    void whatWasReadWhileAChangeLandedIsNotKept() {
        cache.trust(true);

        // The change commits (and empties the cache) while this read is still under way.
        cache.get("pat", () -> {
            Optional<String> stale = read("Before the change");
            cache.changed();
            return stale;
        });
        String next = cache.get("pat", () -> read("After the change")).orElseThrow();

        assertThat(next).isEqualTo("After the change");
    }

    @Test
    void nothingIsKeptForWhatWasNotFound() {
        cache.trust(true);

        cache.get("unknown", () -> { reads.incrementAndGet(); return Optional.empty(); });
        cache.get("unknown", () -> { reads.incrementAndGet(); return Optional.empty(); });

        assertThat(reads).hasValue(2);
    }
}
