package org.redress.platform;

import java.time.Clock;
import java.time.Duration;

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
}
