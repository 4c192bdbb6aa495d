package org.redress.platform;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Time is an input: services take this clock so tests can move it. */
@Configuration(proxyBeanMethods = false)
class ClockConfig {

    @Bean
    Clock clock() {
        // Microseconds: what PostgreSQL stores, so an instant reads back as it was written.
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }

    /**
     * The business's time zone ({@code redress.time-zone}, e.g. {@code Europe/Madrid};
     * default: the server's): what "today" means for a promised date, and how times show.
     */
    @Bean
    ZoneId businessZone(@Value("${redress.time-zone:}") String zone) {
        if (zone.isBlank()) {
            return ZoneId.systemDefault();
        }
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new IllegalStateException("redress.time-zone: '" + zone + "' is not a time zone (e.g. Europe/Madrid)", e);
        }
    }
}
