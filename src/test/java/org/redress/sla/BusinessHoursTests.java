package org.redress.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.redress.shared.InvalidInput;

class BusinessHoursTests {

    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final LocalDate CHRISTMAS = LocalDate.parse("2026-12-25");

    @Test
    void fourBusinessHoursFromFridayAfternoonLandOnMondayMorning() {
        BusinessHours office = weekdays("09:00-17:00", MADRID, Set.of());

        Instant due = office.plus(at("2026-11-27T16:00", MADRID), Duration.ofHours(4));

        assertThat(due).isEqualTo(at("2026-11-30T12:00", MADRID));
    }

    @Test
    void holidaysAreSkipped() {
        BusinessHours office = weekdays("09:00-17:00", MADRID, Set.of(CHRISTMAS));

        Instant due = office.plus(at("2026-12-24T16:00", MADRID), Duration.ofHours(2));

        assertThat(due).isEqualTo(at("2026-12-28T10:00", MADRID));
    }

    @Test
    void theClockStartsAtTheNextOpeningWhenStartedOutsideHours() {
        BusinessHours office = weekdays("09:00-17:00", MADRID, Set.of());

        assertThat(office.plus(at("2026-11-28T10:00", MADRID), Duration.ofHours(1))).isEqualTo(at("2026-11-30T10:00", MADRID));
        assertThat(office.plus(at("2026-11-30T07:30", MADRID), Duration.ZERO)).isEqualTo(at("2026-11-30T09:00", MADRID));
    }

    @Test
    void splitDaysCountOnlyTheOpenStretches() {
        BusinessHours office = new BusinessHours(MADRID, Map.of(DayOfWeek.MONDAY,
            List.of(OpeningHours.parse("14:00-18:00"), OpeningHours.parse("09:00-13:00"))), Set.of());

        assertThat(office.plus(at("2026-11-30T12:00", MADRID), Duration.ofHours(2))).isEqualTo(at("2026-11-30T15:00", MADRID));
        assertThat(office.between(at("2026-11-30T08:00", MADRID), at("2026-11-30T20:00", MADRID))).isEqualTo(Duration.ofHours(8));
    }

    @Test
    void aDayWhenClocksSpringForwardHasTwentyThreeHours() {
        BusinessHours always = BusinessHours.always(MADRID);

        assertThat(always.between(at("2026-03-29T00:00", MADRID), at("2026-03-30T00:00", MADRID))).isEqualTo(Duration.ofHours(23));
        assertThat(always.plus(at("2026-03-28T12:00", MADRID), Duration.ofHours(24))).isEqualTo(at("2026-03-29T13:00", MADRID));
    }

    @Test
    void aDayWhenClocksFallBackHasTwentyFiveHours() {
        BusinessHours always = BusinessHours.always(MADRID);

        assertThat(always.between(at("2026-10-25T00:00", MADRID), at("2026-10-26T00:00", MADRID))).isEqualTo(Duration.ofHours(25));
    }

    @Test
    void aCalendarOpenAroundTheClockStillClosesOnItsHolidays() {
        BusinessHours openButChristmas = new BusinessHours(MADRID, everyDay("00:00-00:00"), Set.of(CHRISTMAS));

        assertThat(openButChristmas.between(at("2026-12-24T12:00", MADRID), at("2026-12-26T12:00", MADRID)))
            .isEqualTo(Duration.ofHours(24));
        assertThat(openButChristmas.isOpen(at("2026-12-25T12:00", MADRID))).isFalse();
        assertThat(openButChristmas.plus(at("2026-12-24T23:00", MADRID), Duration.ofHours(2))).isEqualTo(at("2026-12-26T01:00", MADRID));
    }

    @Test
    void hoursThatSpanTheSkippedHourAreAsLongAsTheWallClockSays() {
        BusinessHours night = new BusinessHours(MADRID, everyDay("01:00-04:00"), Set.of());

        assertThat(night.between(at("2026-03-29T00:00", MADRID), at("2026-03-29T12:00", MADRID))).isEqualTo(Duration.ofHours(2));
        assertThat(night.between(at("2026-10-25T00:00", MADRID), at("2026-10-25T12:00", MADRID))).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void hoursUntilMidnightCoverTheEndOfTheDay() {
        BusinessHours late = new BusinessHours(MADRID, everyDay("22:00-00:00"), Set.of());

        assertThat(late.plus(at("2026-11-30T23:00", MADRID), Duration.ofMinutes(90))).isEqualTo(at("2026-12-01T22:30", MADRID));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Europe/Madrid", "America/New_York", "Australia/Sydney", "Asia/Kolkata"})
    void addingThenMeasuringGivesBackTheSameBusinessTime(String zoneName) {
        ZoneId zone = ZoneId.of(zoneName);
        BusinessHours office = new BusinessHours(zone, Map.of(
            DayOfWeek.MONDAY, List.of(OpeningHours.parse("08:00-12:00"), OpeningHours.parse("13:00-17:30")),
            DayOfWeek.TUESDAY, List.of(OpeningHours.parse("08:00-17:30")),
            DayOfWeek.WEDNESDAY, List.of(OpeningHours.parse("00:00-00:00")),
            DayOfWeek.THURSDAY, List.of(OpeningHours.parse("01:30-03:30"), OpeningHours.parse("09:00-17:00")),
            DayOfWeek.FRIDAY, List.of(OpeningHours.parse("09:00-15:00")),
            DayOfWeek.SATURDAY, List.of(OpeningHours.parse("10:00-14:00"))),
            Set.of(LocalDate.parse("2026-04-03"), LocalDate.parse("2026-10-12"), CHRISTMAS));
        Random random = new Random(zoneName.hashCode());
        Instant yearStart = at("2026-01-01T00:00", zone);

        for (int i = 0; i < 3_000; i++) {
            Instant start = yearStart.plusSeconds(random.nextInt(365 * 24 * 3600));
            Duration work = Duration.ofMinutes(random.nextInt(200 * 60));
            Duration more = work.plusMinutes(1 + random.nextInt(600));

            Instant due = office.plus(start, work);
            Instant later = office.plus(start, more);

            assertThat(office.between(start, due)).as("between(%s, plus(%s, %s))", start, start, work).isEqualTo(work);
            assertThat(later).as("monotonic from %s", start).isAfter(due);
            assertThat(office.isOpen(later.minusSeconds(1))).as("open just before %s", later).isTrue();
        }
    }

    @Test
    void overlappingHoursAreRefusedNamingTheDay() {
        assertThatThrownBy(() -> new BusinessHours(MADRID, Map.of(DayOfWeek.MONDAY,
            List.of(OpeningHours.parse("09:00-12:00"), OpeningHours.parse("11:00-13:00"))), Set.of()))
            .isInstanceOf(InvalidInput.class).hasMessageContaining("overlapping hours on Monday: 09:00–12:00 and 11:00–13:00");
    }

    @Test
    void badHoursAreRefused() {
        assertThatThrownBy(() -> OpeningHours.parse("17:00-09:00")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> OpeningHours.parse("9 to 5")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> OpeningHours.parse("25:00-26:00")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new BusinessHours(MADRID, Map.of(), Set.of()))
            .isInstanceOf(InvalidInput.class).hasMessageContaining("at least one day");
    }

    private static BusinessHours weekdays(String hours, ZoneId zone, Set<LocalDate> holidays) {
        Map<DayOfWeek, List<OpeningHours>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
            DayOfWeek.FRIDAY)) {
            week.put(day, List.of(OpeningHours.parse(hours)));
        }
        return new BusinessHours(zone, week, holidays);
    }

    private static Map<DayOfWeek, List<OpeningHours>> everyDay(String hours) {
        Map<DayOfWeek, List<OpeningHours>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, List.of(OpeningHours.parse(hours)));
        }
        return week;
    }

    private static Instant at(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }
}
