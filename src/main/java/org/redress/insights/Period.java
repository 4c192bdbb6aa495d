package org.redress.insights;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;
import org.redress.shared.InvalidInput;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The days a report covers, from {@code from} to {@code to} inclusive, in the business's time
 * zone; the previous period is as many days just before, for the trend.
 */
@Schema(name = "Period", description = "Days from `from` to `to`, both included, in the business's time zone.")
public record Period(@Schema(description = "First day.", example = "2026-11-01") LocalDate from,
                     @Schema(description = "Last day, included.", example = "2026-11-30") LocalDate to) {

    static final int MAX_DAYS = 731;

    public Period {
        if (to.isBefore(from)) {
            throw InvalidInput.field("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw InvalidInput.field("to", "a period is at most two years");
        }
    }

    /** From the request's {@code from} and {@code to} (ISO dates); by default the last 30 days up to today. */
    static Period parse(@Nullable String from, @Nullable String to, LocalDate today) {
        LocalDate end = date("to", to, today);
        LocalDate start = date("from", from, end.minusDays(29));
        return new Period(start, end);
    }

    long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** As many days just before, for the trend. */
    public Period previous() {
        return new Period(from.minusDays(days()), from.minusDays(1));
    }

    /** The period's first instant and the instant after it, as the query parameters {@code :start} and {@code :end}. */
    java.util.Map<String, Object> bounds(ZoneId zone) {
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("start", java.sql.Timestamp.from(start(zone)));
        params.put("end", java.sql.Timestamp.from(end(zone)));
        return params;
    }

    Instant start(ZoneId zone) {
        return from.atStartOfDay(zone).toInstant();
    }

    Instant end(ZoneId zone) {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    private static LocalDate date(String field, @Nullable String text, LocalDate fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw InvalidInput.field(field, "is not a date like 2026-11-30");
        }
    }
}
