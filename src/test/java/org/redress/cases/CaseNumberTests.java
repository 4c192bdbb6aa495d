package org.redress.cases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CaseNumberTests {

    @Test
    void formatsWithAPrefixAndSixDigits() {
        assertThat(CaseNumber.format(123)).isEqualTo("RC-000123");
        assertThat(CaseNumber.format(1234567)).isEqualTo("RC-1234567");
    }

    @Test
    void readsNumbersInAnyCaseAndBareIds() {
        assertThat(CaseNumber.parse("RC-000123")).contains(123L);
        assertThat(CaseNumber.parse("rc-42")).contains(42L);
        assertThat(CaseNumber.parse("7")).contains(7L);
    }

    @Test
    void rejectsAnythingElse() {
        assertThat(CaseNumber.parse("RC-")).isEmpty();
        assertThat(CaseNumber.parse("RC-12a")).isEmpty();
        assertThat(CaseNumber.parse("99999999999999999999")).isEmpty();
        assertThat(CaseNumber.parse("-5")).isEmpty();
    }
}
