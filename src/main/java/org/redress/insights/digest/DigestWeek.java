package org.redress.insights.digest;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

import org.redress.insights.Period;

/**
 * The seven days a digest reports: those before its sending day. A week's digest is due from
 * the sending day's time until the next sending day's, so a node that was down at the time
 * still sends it later that week; a week missed entirely is not sent afterwards (the next
 * one is newer).
 */
record DigestWeek(LocalDate sendingDay, Period days) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_IN_YEAR = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_IN_YEAR = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    /** The week whose digest is due at {@code now}: the last sending day whose time has come. */
    static DigestWeek due(ZonedDateTime now, DayOfWeek day, LocalTime time) {
        LocalDate sending = now.toLocalDate().with(TemporalAdjusters.previousOrSame(day));
        if (sending.equals(now.toLocalDate()) && now.toLocalTime().isBefore(time)) {
            sending = sending.minusWeeks(1);
        }
        return new DigestWeek(sending, new Period(sending.minusDays(7), sending.minusDays(1)));
    }

    /** "23–29 November 2026", "30 November – 6 December 2026", or with both years when the week spans two. */
    String shortly() {
        if (days.from().getMonth() == days.to().getMonth()) {
            return days.from().getDayOfMonth() + "–" + days.to().format(SHORT_IN_YEAR);
        }
        return (sameYear() ? days.from().format(SHORT) : days.from().format(SHORT_IN_YEAR)) + " – " + days.to().format(SHORT_IN_YEAR);
    }

    /** "Monday 30 November to Sunday 6 December 2026". */
    String inFull() {
        return (sameYear() ? days.from().format(DAY) : days.from().format(DAY_IN_YEAR)) + " to " + days.to().format(DAY_IN_YEAR);
    }

    private boolean sameYear() {
        return days.from().getYear() == days.to().getYear();
    }
}
