package org.redress.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTests {

    private final Redaction petra = Redaction.of("Petra Dahlström", "petra.d@example.com", "+46 70 123 45 67", "CUST-7731");

    @Test
    void takesOutTheFullNameItsPartsTheEmailTheReferenceAndThePhoneHoweverSpaced() {
        assertThat(petra.apply("Dear Petra Dahlström, we wrote to PETRA.D@example.com about CUST-7731."))
            .isEqualTo("Dear [erased], we wrote to [erased] about [erased].");
        assertThat(petra.apply("Call petra on 070-123 45 67? No: +46 (70) 123-45-67 or 46701234567."))
            .isEqualTo("Call [erased] on 070-123 45 67? No: [erased] or [erased].");
        assertThat(petra.apply("dahlström said so")).isEqualTo("[erased] said so");
    }

    @Test
    void leavesWordsThatOnlyContainAPartOfTheName() {
        assertThat(petra.apply("Petrarch wrote of Petras and Dahlströms.")).isEqualTo("Petrarch wrote of Petras and Dahlströms.");
        assertThat(petra.apply(null)).isNull();
    }

    @Test
    void skipsPartsTooShortToBeSafeAndPersonsWithNothingKnown() {
        Redaction jo = Redaction.of("Jo Li", null, "12 34", null);
        assertThat(jo.apply("Jo Li called from 12 34 about Jo's lid.")).isEqualTo("[erased] called from 12 34 about Jo's lid.");
        assertThat(Redaction.of(null, null, null, null).apply("Anything at all")).isEqualTo("Anything at all");
    }
}
