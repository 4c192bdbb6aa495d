package org.redress.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class SignedInCacheTests {

    private final SignedInCache cache = new SignedInCache();
    private final AtomicInteger reads = new AtomicInteger();

    private Optional<RedressUser> read(String name) {
        reads.incrementAndGet();
        return Optional.of(new RedressUser(7, "p@x.test", name, Role.AGENT, null, true, null));
    }

    @Test
    void whileTrustedAPersonIsReadOnceUntilSomethingChanges() {
        cache.trust(true);

        String first = cache.person(7, () -> read("Pat")).orElseThrow().name();
        String second = cache.person(7, () -> read("Changed")).orElseThrow().name();
        cache.forget();
        String afterChange = cache.person(7, () -> read("Changed")).orElseThrow().name();

        assertThat(first).isEqualTo("Pat");
        assertThat(second).isEqualTo("Pat");
        assertThat(afterChange).isEqualTo("Changed");
        assertThat(reads).hasValue(2);
    }

    @Test
    void untrustedItReadsEveryTimeAndKeepsNothing() {
        cache.person(7, () -> read("Pat"));
        cache.person(7, () -> read("Pat"));
        cache.trust(true);
        cache.person(7, () -> read("Pat"));

        assertThat(reads).hasValue(3);
    }

    @Test
    void losingTrustForgetsWhatWasKept() {
        cache.trust(true);
        cache.person(7, () -> read("Pat"));
        cache.trust(false);
        cache.trust(true);
        cache.person(7, () -> read("Pat"));

        assertThat(reads).hasValue(2);
    }

    @Test
    void whatWasReadWhileAChangeLandedIsNotKept() {
        cache.trust(true);

        // The change commits (and empties the cache) while this read is still under way.
        cache.person(7, () -> {
            Optional<RedressUser> stale = read("Before the change");
            cache.forget();
            return stale;
        });
        String next = cache.person(7, () -> read("After the change")).orElseThrow().name();

        assertThat(next).isEqualTo("After the change");
    }

    @Test
    void nothingIsKeptForAnUnknownToken() {
        cache.trust(true);

        cache.token("unknown", () -> { reads.incrementAndGet(); return Optional.empty(); });
        cache.token("unknown", () -> { reads.incrementAndGet(); return Optional.empty(); });

        assertThat(reads).hasValue(2);
    }
}
