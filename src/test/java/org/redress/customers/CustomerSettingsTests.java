package org.redress.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class CustomerSettingsTests {

    @Test
    void aMergeIntervalOfZeroOrLessIsRefusedByName() {
        for (Duration every : List.of(Duration.ZERO, Duration.ofSeconds(-2))) {
            assertThatThrownBy(() -> new CustomerSettings(List.of("standard"), every))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("redress.customers.search-merge-every");
        }
        assertThat(new CustomerSettings(List.of("standard"), Duration.ofSeconds(2)).searchMergeEvery()).hasSeconds(2);
    }
}
