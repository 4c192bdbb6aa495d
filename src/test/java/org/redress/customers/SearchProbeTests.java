package org.redress.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SearchProbeTests {

    private static final Set<String> EVERY_EMAIL = Set.of("cus", "ust", "sto", "tom", "ome", "mer", "er1", "exa", "xam");

    @Test
    void theRareRunOfATermIsWhatIsLeftWhenTheCommonTrigramsAreTakenOut() {
        assertThat(SearchProbe.rareRun("customer12345", EVERY_EMAIL)).isEqualTo("r12345");
        assertThat(SearchProbe.rareRun("lopez", Set.of())).isEqualTo("lopez");
        assertThat(SearchProbe.rareRun("lopez", Set.of("cus"))).isEqualTo("lopez");
    }

    @Test
    void aTermWithNoRareTrigramHasNoRareRun() {
        assertThat(SearchProbe.rareRun("customer", EVERY_EMAIL)).isNull();
        assertThat(SearchProbe.rareRun("ab", Set.of())).isNull();
    }

    @Test
    void theLongestRareStretchOfAnyWordIsTaken() {
        // "mar" and "ari" common: "aria" is cut to "ria"; "lopez" is longer.
        assertThat(SearchProbe.rareRun("maria lopez", Set.of("mar", "ari"))).isEqualTo("lopez");
        // A common trigram in the middle of a word splits it; the longer side wins.
        assertThat(SearchProbe.rareRun("abcdefgh", Set.of("cde"))).isEqualTo("defgh");
        assertThat(SearchProbe.rareRun("abcdefgh", Set.of("efg"))).isEqualTo("abcdef");
    }

    @Test
    void wildcardsAndPunctuationAreNeverPartOfARun() {
        // '_' and '%' match anything in LIKE, '@' and '.' split words: a run is letters and digits as typed.
        assertThat(SearchProbe.rareRun("cust_mer9876@exa", EVERY_EMAIL)).isEqualTo("er9876");
        assertThat(SearchProbe.rareRun("er1%zzz", EVERY_EMAIL)).isEqualTo("zzz");
    }

    @Test
    void trigramsAreTakenInsideRunsOfLettersAndDigitsInLowerCase() {
        assertThat(SearchProbe.trigrams("Ana.B@X9z")).containsExactlyInAnyOrder("ana", "x9z");
        assertThat(SearchProbe.trigrams("")).isEmpty();
    }

    @Test
    void aTrigramOneValueInTwentyHoldsIsCommonInItsColumnOnly() {
        List<CommonTrigrams.Values> values = new ArrayList<>();
        for (int n = 0; n < 100; n++) {
            // Every email has "customer"; five names in a hundred have "zed".
            values.add(new CommonTrigrams.Values(n < 5 ? "zed " + n : "name" + n, "customer" + n + "@example.com", "ref-" + n));
        }

        CommonTrigrams.Sample sample = CommonTrigrams.of(values, Instant.EPOCH);

        assertThat(sample.email().common()).contains("cus", "mer", "exa", "com").doesNotContain("zed", "r12");
        assertThat(sample.name().common()).contains("zed", "nam").doesNotContain("cus");
        assertThat(sample.reference().common()).contains("ref").doesNotContain("cus");
    }

    @Test
    void theRareRunIsAskedForWhenItSparesTheListsEveryoneIsOnAndFindsNoMoreThanTheTerm() {
        List<CommonTrigrams.Values> values = new ArrayList<>();
        for (int n = 0; n < 5_000; n++) {
            values.add(new CommonTrigrams.Values("name" + n, "customer" + n + "@example.com", "ref-" + n));
        }
        CommonTrigrams.Sample sample = CommonTrigrams.of(values, Instant.EPOCH);

        CommonTrigrams.Probes probes = sample.probes("customer4242");

        assertThat(probes.email()).isEqualTo("%r4242%");
        // No name holds any trigram of the term: nothing to spare there.
        assertThat(probes.name()).isEqualTo("%customer4242%");
        assertThat(probes.asks("%customer4242%")).isFalse();
    }

    @Test
    void aRareRunThatManyMoreCustomersHoldThanTheTermIsNotAskedFor() {
        List<CommonTrigrams.Values> values = new ArrayList<>();
        for (int n = 0; n < 5_000; n++) {
            // Every name has "maria"; one in twenty-five has "tiax" (rare, below one in twenty), none "mariax".
            values.add(new CommonTrigrams.Values(n % 25 == 0 ? "maria tiax" : "maria " + n, "", ""));
        }
        CommonTrigrams.Sample sample = CommonTrigrams.of(values, Instant.EPOCH);

        // Asking for "iax" would check 200 customers in 5,000 to spare three lists of all of them.
        assertThat(SearchProbe.rareRun("mariax", sample.name().common())).isEqualTo("iax");
        assertThat(sample.probes("mariax").name()).isEqualTo("%mariax%");
    }

    @Test
    void aRareRunIsWorthAFewMoreCustomersToCheckButNotMany() {
        // "r123" is in the same 11 emails as "customer123" (customer123, customer1230 to 1239),
        // and in those of the customers called "mr123": each is one more to check in the table.
        assertThat(probeOfCustomer123With(3)).isEqualTo("%r123%");
        assertThat(probeOfCustomer123With(200)).isEqualTo("%customer123%");
    }

    private static String probeOfCustomer123With(int misters) {
        List<CommonTrigrams.Values> values = new ArrayList<>();
        for (int n = 0; n < 5_000; n++) {
            values.add(new CommonTrigrams.Values("", n < misters ? "mr123." + n + "@example.com" : "customer" + n + "@example.com", ""));
        }
        return CommonTrigrams.of(values, Instant.EPOCH).probes("customer123").email();
    }

    @Test
    void aTermWithLikesOwnCharactersIsAskedForWhole() {
        List<CommonTrigrams.Values> values = new ArrayList<>();
        for (int n = 0; n < 5_000; n++) {
            values.add(new CommonTrigrams.Values("", "customer" + n + "@example.com", ""));
        }
        CommonTrigrams.Sample sample = CommonTrigrams.of(values, Instant.EPOCH);

        assertThat(sample.probes("customer_4242").email()).isEqualTo("%customer_4242%");
        assertThat(sample.probes("customer4242%").email()).isEqualTo("%customer4242%%");
    }
}
