package org.redress.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.redress.shared.InvalidInput;

class TargetTimeTests {

    @Test
    void takesHoursAndDaysAsMinutes() {
        assertThat(TargetTime.minutes("resolve", "4", "HOURS", false)).isEqualTo(240);
        assertThat(TargetTime.minutes("resolve", "1.5", "days", false)).isEqualTo(2160);
        assertThat(TargetTime.minutes("resolve", "0,5", "HOURS", true)).isEqualTo(30);
        assertThat(TargetTime.minutes("resolve", "45", "MINUTES", true)).isEqualTo(45);
    }

    @Test
    void refusesDaysUnderABusinessHoursCalendar() {
        assertThatThrownBy(() -> TargetTime.minutes("fulfil", "2", "DAYS", true))
            .isInstanceOf(InvalidInput.class).hasMessageContaining("fulfil").hasMessageContaining("give hours");
    }

    @Test
    void refusesWhatMakesNoWholePositiveTime() {
        assertThatThrownBy(() -> TargetTime.minutes("acknowledge", "0", "HOURS", false)).hasMessageContaining("more than zero");
        assertThatThrownBy(() -> TargetTime.minutes("acknowledge", "soon", "HOURS", false)).hasMessageContaining("not a number");
        assertThatThrownBy(() -> TargetTime.minutes("acknowledge", "0.3", "MINUTES", false)).hasMessageContaining("whole minutes");
        assertThatThrownBy(() -> TargetTime.minutes("acknowledge", "2", "weeks", false)).hasMessageContaining("not a unit");
        assertThatThrownBy(() -> TargetTime.minutes("acknowledge", "400", "DAYS", false)).hasMessageContaining("at most 366 days");
        assertThatThrownBy(() -> TargetTime.minutes("acknowledge", " ", "HOURS", false)).hasMessageContaining("is required");
    }

    @Test
    void showsMinutesInTheLargestWholeUnits() {
        assertThat(TargetTime.describe(240, false)).isEqualTo("4 h");
        assertThat(TargetTime.describe(2880, false)).isEqualTo("2 days");
        assertThat(TargetTime.describe(2160, false)).isEqualTo("1 day 12 h");
        assertThat(TargetTime.describe(90, false)).isEqualTo("1 h 30 min");
        assertThat(TargetTime.describe(45, false)).isEqualTo("45 min");
    }

    @Test
    void showsBusinessHoursUnderACalendarNeverDays() {
        assertThat(TargetTime.describe(2880, true)).isEqualTo("48 business hours");
        assertThat(TargetTime.describe(60, true)).isEqualTo("1 business hour");
        assertThat(TargetTime.describe(90, true)).isEqualTo("1 business hour 30 min");
        assertThat(TargetTime.describe(30, true)).isEqualTo("30 business min");
    }

    @Test
    void startsTheFormInTheLargestUnitThatDividesTheTarget() {
        assertThat(TargetTime.of(2880, false)).isEqualTo(new TargetTime(java.math.BigDecimal.valueOf(2), TargetTime.Unit.DAYS));
        assertThat(TargetTime.of(2880, true)).isEqualTo(new TargetTime(java.math.BigDecimal.valueOf(48), TargetTime.Unit.HOURS));
        assertThat(TargetTime.of(90, false)).isEqualTo(new TargetTime(java.math.BigDecimal.valueOf(90), TargetTime.Unit.MINUTES));
    }
}
