package org.redress.insights.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** Which week's digest is due: the seven days before the last sending day whose time has come. */
class DigestWeekTests {

    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final LocalTime SEVEN = LocalTime.of(7, 0);

    @Test
    void fromMondaySevenTheWeekJustEndedIsDueUntilTheNextMonday() {
        DigestWeek atSeven = due("2026-12-07T07:00");
        DigestWeek sunday = due("2026-12-13T23:59");

        assertThat(atSeven.days().from()).isEqualTo(LocalDate.parse("2026-11-30"));
        assertThat(atSeven.days().to()).isEqualTo(LocalDate.parse("2026-12-06"));
        assertThat(sunday).isEqualTo(atSeven);
    }

    @Test
    void beforeSevenOnMondayTheWeekBeforeIsStillTheOneDue() {
        assertThat(due("2026-12-07T06:59").days().from()).isEqualTo(LocalDate.parse("2026-11-23"));
    }

    @Test
    void anotherSendingDayReportsTheSevenDaysBeforeIt() {
        DigestWeek week = DigestWeek.due(LocalDateTime.parse("2026-12-10T09:00").atZone(MADRID), DayOfWeek.WEDNESDAY, SEVEN);

        assertThat(week.days().from()).isEqualTo(LocalDate.parse("2026-12-02"));
        assertThat(week.days().to()).isEqualTo(LocalDate.parse("2026-12-08"));
    }

    @Test
    void namesTheWeekInWordsWithTheYearOnceUnlessItSpansTwo() {
        assertThat(due("2026-12-07T08:00").shortly()).isEqualTo("30 November – 6 December 2026");
        assertThat(due("2026-12-07T08:00").inFull()).isEqualTo("Monday 30 November to Sunday 6 December 2026");
        assertThat(due("2027-01-04T08:00").shortly()).isEqualTo("28 December 2026 – 3 January 2027");
        assertThat(due("2026-11-30T08:00").shortly()).isEqualTo("23–29 November 2026");
    }

    private static DigestWeek due(String localTime) {
        return DigestWeek.due(LocalDateTime.parse(localTime).atZone(MADRID), DayOfWeek.MONDAY, SEVEN);
    }
}
