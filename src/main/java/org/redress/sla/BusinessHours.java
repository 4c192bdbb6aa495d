package org.redress.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.redress.shared.InvalidInput;

/**
 * A business-hours calendar: a time zone, opening hours per weekday, and holidays.
 * Answers when a target counted in business time falls due ({@link #plus}) and how much
 * business time lies between two instants ({@link #between}). Hours are local wall-clock
 * times, so a day on which clocks change is as long as the wall clock says it is open.
 */
public final class BusinessHours {

    // A calendar with any opening hours has some in every 7 days; holidays could in theory
    // close many weeks in a row, so the walk is bounded and the calendar says so if it ends.
    private static final int MAX_DAYS_SEARCHED = 3 * 366;

    private final ZoneId zone;
    private final Map<DayOfWeek, List<OpeningHours>> week;
    private final Set<LocalDate> holidays;
    // Open every day from midnight to midnight with no holiday: business time is plain time, and
    // the lists of the console (a deadline per line) need not walk the days.
    private final boolean aroundTheClock;

    public BusinessHours(ZoneId zone, Map<DayOfWeek, List<OpeningHours>> week, Set<LocalDate> holidays) {
        this.zone = zone;
        this.week = new EnumMap<>(DayOfWeek.class);
        week.forEach((day, hours) -> this.week.put(day, sorted(day, hours)));
        if (this.week.values().stream().allMatch(List::isEmpty)) {
            throw InvalidInput.field("hours", "a calendar needs opening hours on at least one day");
        }
        this.holidays = Set.copyOf(holidays);
        this.aroundTheClock = this.holidays.isEmpty() && this.week.size() == DayOfWeek.values().length
            && this.week.values().stream().allMatch(hours -> hours.size() == 1
                && hours.get(0).from().equals(LocalTime.MIDNIGHT) && hours.get(0).untilMidnight());
    }

    /** Open around the clock, every day: business time is plain time. */
    public static BusinessHours always(ZoneId zone) {
        Map<DayOfWeek, List<OpeningHours>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, List.of(new OpeningHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)));
        }
        return new BusinessHours(zone, week, Set.of());
    }

    public ZoneId zone() {
        return zone;
    }

    /**
     * The instant at which {@code work} of business time has passed since {@code start}.
     * Starting outside opening hours, the count begins at the next opening.
     */
    public Instant plus(Instant start, Duration work) {
        if (work.isNegative()) {
            throw new IllegalArgumentException("negative business time: " + work);
        }
        if (aroundTheClock) {
            return start.plus(work);
        }
        Duration left = work;
        LocalDate day = start.atZone(zone).toLocalDate();
        for (int searched = 0; searched < MAX_DAYS_SEARCHED; searched++, day = day.plusDays(1)) {
            for (Instant[] open : openIntervals(day)) {
                Instant from = open[0].isAfter(start) ? open[0] : start;
                if (!from.isBefore(open[1])) {
                    continue;
                }
                if (left.isZero()) {
                    return from;
                }
                Duration available = Duration.between(from, open[1]);
                if (left.compareTo(available) <= 0) {
                    return from.plus(left);
                }
                left = left.minus(available);
            }
        }
        throw new IllegalStateException("the calendar has no opening hours in the " + MAX_DAYS_SEARCHED + " days after " + start);
    }

    /** The business time between two instants (zero when {@code to} is not after {@code from}). */
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        if (aroundTheClock) {
            return Duration.between(from, to);
        }
        Duration total = Duration.ZERO;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate().minusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
            for (Instant[] open : openIntervals(day)) {
                Instant start = open[0].isAfter(from) ? open[0] : from;
                Instant end = open[1].isBefore(to) ? open[1] : to;
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    /** Whether the business is open at this instant. */
    public boolean isOpen(Instant instant) {
        if (aroundTheClock) {
            return true;
        }
        LocalDate day = instant.atZone(zone).toLocalDate();
        for (LocalDate candidate = day.minusDays(1); !candidate.isAfter(day); candidate = candidate.plusDays(1)) {
            for (Instant[] open : openIntervals(candidate)) {
                if (!instant.isBefore(open[0]) && instant.isBefore(open[1])) {
                    return true;
                }
            }
        }
        return false;
    }

    // The day's opening hours as instants. A local time in a spring-forward gap moves to
    // the first valid instant after it; in an autumn overlap the earlier offset is used.
    private List<Instant[]> openIntervals(LocalDate day) {
        if (holidays.contains(day)) {
            return List.of();
        }
        List<Instant[]> intervals = new ArrayList<>();
        for (OpeningHours hours : week.getOrDefault(day.getDayOfWeek(), List.of())) {
            Instant from = ZonedDateTime.of(day, hours.from(), zone).toInstant();
            Instant to = hours.untilMidnight()
                ? day.plusDays(1).atStartOfDay(zone).toInstant()
                : ZonedDateTime.of(day, hours.to(), zone).toInstant();
            if (to.isAfter(from)) {
                intervals.add(new Instant[] {from, to});
            }
        }
        return intervals;
    }

    private static List<OpeningHours> sorted(DayOfWeek day, List<OpeningHours> hours) {
        List<OpeningHours> sorted = new ArrayList<>(hours);
        sorted.sort(Comparator.comparing(OpeningHours::from));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i - 1).overlaps(sorted.get(i))) {
                throw InvalidInput.field("hours", "overlapping hours on " + day.name().charAt(0)
                    + day.name().substring(1).toLowerCase(java.util.Locale.ROOT) + ": " + sorted.get(i - 1)
                    + " and " + sorted.get(i));
            }
        }
        return List.copyOf(sorted);
    }
}
