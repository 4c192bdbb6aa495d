package org.redress.remedies;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;
import org.redress.shared.InvalidInput;
import org.springframework.stereotype.Component;

/** Now, and today where the business is: remedies are due by a day, in the business's time zone. */
@Component
class BusinessDay {

    private final Clock clock;
    private final ZoneId zone;

    BusinessDay(Clock clock, ZoneId businessZone) {
        this.clock = clock;
        this.zone = businessZone;
    }

    Instant now() {
        return clock.instant();
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** A date we promise to deliver by: given, and not in the past. */
    LocalDate deliverBy(@Nullable LocalDate date) {
        if (date == null || date.isBefore(today())) {
            throw InvalidInput.field("deliverBy", "is required: the date, today or later, by which we will deliver it");
        }
        return date;
    }
}
