package org.redress.sla;

import java.time.LocalTime;

import org.jspecify.annotations.Nullable;
import org.redress.shared.InvalidInput;

/**
 * One stretch of opening hours within a day, e.g. 09:00–17:30. An end of 00:00 means
 * midnight at the end of the day, so 22:00–00:00 covers the last two hours.
 */
public record OpeningHours(LocalTime from, LocalTime to) {

    public OpeningHours {
        if (!to.equals(LocalTime.MIDNIGHT) && !from.isBefore(to)) {
            throw new InvalidInput("Opening hours " + from + "–" + to + " end before they start.",
                java.util.List.of(new InvalidInput.FieldError("hours", "end before they start")));
        }
    }

    /** Reads {@code 09:00-17:30} (a hyphen or an en dash). */
    public static OpeningHours parse(@Nullable String text) {
        if (text == null || !text.trim().matches("\\d{1,2}:\\d{2}\\s*[-–]\\s*\\d{1,2}:\\d{2}")) {
            throw InvalidInput.field("hours", "'" + text + "' is not a time range such as 09:00-17:30");
        }
        String[] parts = text.trim().split("\\s*[-–]\\s*");
        try {
            return new OpeningHours(time(parts[0]), time(parts[1]));
        } catch (java.time.DateTimeException e) {
            throw InvalidInput.field("hours", "'" + text + "' has a time that does not exist");
        }
    }

    boolean overlaps(OpeningHours other) {
        return from.isBefore(other.endOfDayAware()) && other.from.isBefore(endOfDayAware());
    }

    boolean untilMidnight() {
        return to.equals(LocalTime.MIDNIGHT);
    }

    private LocalTime endOfDayAware() {
        return untilMidnight() ? LocalTime.MAX : to;
    }

    private static LocalTime time(String text) {
        String[] hm = text.split(":");
        return LocalTime.of(Integer.parseInt(hm[0]), Integer.parseInt(hm[1]));
    }

    @Override
    public String toString() {
        return from + "–" + (untilMidnight() ? "24:00" : to.toString());
    }
}
