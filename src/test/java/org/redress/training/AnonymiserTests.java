package org.redress.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** What the anonymiser makes of a customer's words (unit tests: pure text in, text out). */
class AnonymiserTests {

    @Test
    void aReferenceEndingInDigitsIsReplacedWholeNotReadAsAPhoneNumber() {
        Anonymiser anonymiser = Anonymiser.knowing(List.of("Harriet Quince"), List.of("CUST-12345678"));

        assertThat(anonymiser.clean("Harriet here, my reference CUST-12345678, call me on 07700 900123 today."))
            .isEqualTo("[name] here, my reference [reference], call me on [phone] today.");
    }
}
