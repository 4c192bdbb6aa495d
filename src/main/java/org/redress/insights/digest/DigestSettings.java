package org.redress.insights.digest;

import java.time.DayOfWeek;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * {@code redress.insights.digest.*}: whether the weekly digest is sent at all, and on which day
 * and at what time of the business's time zone. The digest reports the seven days before that day.
 */
@ConfigurationProperties("redress.insights.digest")
record DigestSettings(@DefaultValue("true") boolean enabled, @DefaultValue("MONDAY") DayOfWeek day,
                      @DefaultValue("07:00") @DateTimeFormat(pattern = "H:mm") LocalTime time) {

    /** "every Monday at 07:00", for the email and the Account page. */
    String when() {
        String name = day.name();
        return "every " + name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT) + " at " + time;
    }
}
