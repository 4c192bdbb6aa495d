package org.redress.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Formats instants for people, in the business's time zone ({@code redress.time-zone},
 * default: the server's). Templates call it as {@code @fmt.when(instant)}.
 */
@Component("fmt")
public class ConsoleFormat {

    private final DateTimeFormatter when;
    private final DateTimeFormatter date;
    private final DateTimeFormatter brief;

    ConsoleFormat(ZoneId zoneId) {
        this.when = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH).withZone(zoneId);
        this.date = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(zoneId);
        this.brief = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH).withZone(zoneId);
    }

    public String when(@Nullable Instant instant) {
        return instant == null ? "" : when.format(instant);
    }

    /** "23 Nov 09:12", for a row of a list (one formatter for every row, not a pattern parsed per row). */
    public String brief(@Nullable Instant instant) {
        return instant == null ? "" : brief.format(instant);
    }

    public String date(@Nullable LocalDate day) {
        return day == null ? "" : date.format(day);
    }

    public String day(@Nullable Instant instant) {
        return instant == null ? "" : date.format(instant);
    }
}
