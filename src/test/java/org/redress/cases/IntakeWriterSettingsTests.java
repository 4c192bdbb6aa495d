package org.redress.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class IntakeWriterSettingsTests {

    @Test
    void aNegativeNumberOfWritersStopsTheStartNamingTheSetting() {
        assertThatThrownBy(() -> new IntakeWriter(null, null, -1, 8, Duration.ofSeconds(10)))
            .isInstanceOf(IllegalStateException.class).hasMessage("redress.intake.writers must be 0 or more (0: each complaint written alone), not -1");
    }

    @Test
    void anEmptyBatchStopsTheStartNamingTheSetting() {
        assertThatThrownBy(() -> new IntakeWriter(null, null, 2, 0, Duration.ofSeconds(10)))
            .isInstanceOf(IllegalStateException.class).hasMessage("redress.intake.batch must be 1 or more, not 0");
    }

    @Test
    void noWaitStopsTheStartNamingTheSetting() {
        assertThatThrownBy(() -> new IntakeWriter(null, null, 2, 8, Duration.ZERO))
            .isInstanceOf(IllegalStateException.class).hasMessage("redress.intake.wait must be more than zero, not PT0S");
    }

    @Test
    void onPostgresTheDefaultIsOneWriterPerTwoCoresWithBatchesOfSixteen() {
        assertThat(IntakeWriter.defaultWriters(true, 2)).isEqualTo(1);
        assertThat(IntakeWriter.defaultWriters(true, 1)).isEqualTo(1);
        assertThat(IntakeWriter.defaultWriters(true, 8)).isEqualTo(4);
        assertThat(IntakeWriter.defaultBatch(true)).isEqualTo(16);
    }

    @Test
    void onTheEmbeddedDatabaseTheDefaultIsTwoWritersWithBatchesOfEight() {
        assertThat(IntakeWriter.defaultWriters(false, 2)).isEqualTo(2);
        assertThat(IntakeWriter.defaultWriters(false, 8)).isEqualTo(2);
        assertThat(IntakeWriter.defaultBatch(false)).isEqualTo(8);
    }
}
