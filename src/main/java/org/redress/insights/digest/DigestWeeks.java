package org.redress.insights.digest;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.stereotype.Component;

/** Which week's digest is due now, by the application's clock in the business's time zone. */
@Component
class DigestWeeks {

    private final Clock clock;
    private final ZoneId zone;
    private final DigestSettings settings;

    DigestWeeks(Clock clock, ZoneId businessZone, DigestSettings settings) {
        this.clock = clock;
        this.zone = businessZone;
        this.settings = settings;
    }

    DigestWeek due() {
        return DigestWeek.due(clock.instant().atZone(zone), settings.day(), settings.time());
    }
}
