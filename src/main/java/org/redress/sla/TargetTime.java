package org.redress.sla;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.redress.shared.InvalidInput;

/**
 * A time target as people think of it: "4 hours", "2 days". Policies store minutes; the
 * console takes an amount and a unit and shows minutes back in the largest whole units.
 * Under a business-hours calendar a target counts open time only, so it is given and shown
 * in business hours: a "business day" would mean a different length in every calendar.
 */
record TargetTime(BigDecimal amount, Unit unit) {

    enum Unit {
        MINUTES(1), HOURS(60), DAYS(24 * 60);

        private final int minutes;

        Unit(int minutes) {
            this.minutes = minutes;
        }
    }

    /** The minutes of "amount unit"; refusals name the console field. */
    static int minutes(String field, @Nullable String amount, @Nullable String unit, boolean businessHours) {
        if (amount == null || amount.isBlank()) {
            throw InvalidInput.field(field, "is required");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(amount.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw InvalidInput.field(field, "'" + amount + "' is not a number");
        }
        Unit chosen = unit(field, unit);
        if (chosen == Unit.DAYS && businessHours) {
            throw InvalidInput.field(field, "is counted in business hours under a calendar: give hours (a business day's "
                + "length differs by calendar)");
        }
        BigDecimal minutes = value.multiply(BigDecimal.valueOf(chosen.minutes));
        if (minutes.signum() <= 0) {
            throw InvalidInput.field(field, "must be more than zero");
        }
        if (minutes.stripTrailingZeros().scale() > 0) {
            throw InvalidInput.field(field, "must come to whole minutes (" + amount.trim() + " " + chosen.name()
                .toLowerCase(Locale.ROOT) + " does not)");
        }
        if (minutes.compareTo(BigDecimal.valueOf(SlaManagement.MAX_TARGET_MINUTES)) > 0) {
            throw InvalidInput.field(field, "must be at most 366 days");
        }
        return minutes.intValueExact();
    }

    /** The form's starting value for stored minutes: the largest unit that divides them. */
    static TargetTime of(int minutes, boolean businessHours) {
        Unit unit = !businessHours && minutes % Unit.DAYS.minutes == 0 ? Unit.DAYS
            : minutes % Unit.HOURS.minutes == 0 ? Unit.HOURS : Unit.MINUTES;
        return new TargetTime(BigDecimal.valueOf(minutes / unit.minutes), unit);
    }

    /** "2 days 4 h", "90 min" → "1 h 30 min"; under a calendar "8 business hours". */
    static String describe(int minutes, boolean businessHours) {
        List<String> parts = new ArrayList<>();
        int rest = minutes;
        if (!businessHours && rest >= Unit.DAYS.minutes) {
            int days = rest / Unit.DAYS.minutes;
            parts.add(days + (days == 1 ? " day" : " days"));
            rest %= Unit.DAYS.minutes;
        }
        if (rest >= Unit.HOURS.minutes) {
            int hours = rest / Unit.HOURS.minutes;
            parts.add(businessHours ? hours + (hours == 1 ? " business hour" : " business hours") : hours + " h");
            rest %= Unit.HOURS.minutes;
        }
        if (rest > 0) {
            parts.add(businessHours && parts.isEmpty() ? rest + " business min" : rest + " min");
        }
        return String.join(" ", parts);
    }

    String unitName() {
        return unit.name();
    }

    private static Unit unit(String field, @Nullable String unit) {
        try {
            return Unit.valueOf((unit == null || unit.isBlank() ? "HOURS" : unit.trim()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInput.field(field, "'" + unit + "' is not a unit; use minutes, hours or days");
        }
    }
}
