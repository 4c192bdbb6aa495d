package org.redress.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SearchProbeTests {

    private static final Set<String> EVERY_EMAIL = Set.of("cus", "ust", "sto", "tom", "ome", "mer", "er1", "exa", "xam");

    @Test
    void aTermIsAskedForByItsRarePartWhenTheRestIsWhatEveryoneHas() {
        assertThat(SearchProbe.of("customer12345", "%customer12345%", EVERY_EMAIL)).isEqualTo("%r12345%");
    }

    @Test
    void aTermWithNothingRareIsAskedForWhole() {
        assertThat(SearchProbe.of("customer", "%customer%", EVERY_EMAIL)).isEqualTo("%customer%");
        assertThat(SearchProbe.of("ab", "%ab%", EVERY_EMAIL)).isEqualTo("%ab%");
    }

    @Test
    void withNothingCommonTheTermIsAskedForWhole() {
        assertThat(SearchProbe.of("lopez", "%lopez%", Set.of())).isEqualTo("%lopez%");
        assertThat(SearchProbe.of("lopez", "%lopez%", Set.of("cus"))).isEqualTo("%lopez%");
    }

    @Test
    void theLongestRareStretchOfAnyWordIsTheProbe() {
        // "mar" and "ari" common: "aria" is cut to "ria"; "lopez" is longer.
        assertThat(SearchProbe.of("maria lopez", "%maria lopez%", Set.of("mar", "ari"))).isEqualTo("%lopez%");
        // A common trigram in the middle of a word splits it; the longer side wins.
        assertThat(SearchProbe.of("abcdefgh", "%abcdefgh%", Set.of("cde"))).isEqualTo("%defgh%");
        assertThat(SearchProbe.of("abcdefgh", "%abcdefgh%", Set.of("efg"))).isEqualTo("%abcdef%");
    }

    @Test
    void wildcardsAndPunctuationAreNeverPartOfAProbe() {
        // '_' and '%' match anything in LIKE, '@' and '.' split words: a probe is letters and digits as typed.
        assertThat(SearchProbe.of("cust_mer9876@exa", "%cust_mer9876@exa%", EVERY_EMAIL)).isEqualTo("%er9876%");
        assertThat(SearchProbe.of("er1%zzz", "%er1%zzz%", EVERY_EMAIL)).isEqualTo("%zzz%");
    }

    @Test
    void trigramsAreTakenInsideRunsOfLettersAndDigitsInLowerCase() {
        assertThat(SearchProbe.trigrams("Ana.B@X9z")).containsExactlyInAnyOrder("ana", "x9z");
        assertThat(SearchProbe.trigrams("")).isEmpty();
    }

    @Test
    void aTrigramOneValueInTwentyHoldsIsCommonInItsColumnOnly() {
        List<CommonTrigrams.Values> values = new java.util.ArrayList<>();
        for (int n = 0; n < 100; n++) {
            // Every email has "customer"; five names in a hundred have "zed".
            values.add(new CommonTrigrams.Values(n < 5 ? "zed " + n : "name" + n, "customer" + n + "@example.com", "ref-" + n));
        }

        CommonTrigrams.Sample sample = CommonTrigrams.commonIn(values, Instant.EPOCH);

        assertThat(sample.email()).contains("cus", "mer", "exa", "com").doesNotContain("zed", "r12");
        assertThat(sample.name()).contains("zed", "nam").doesNotContain("cus");
        assertThat(sample.reference()).contains("ref").doesNotContain("cus");
        assertThat(sample.probes("customer42", "%customer42%").email()).isEqualTo("%r42%");
        assertThat(sample.probes("customer42", "%customer42%").name()).isEqualTo("%customer42%");
    }
}
