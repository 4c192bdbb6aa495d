package org.redress.incidents;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code redress.incidents.*}: how fast incident notices may go out (the outbox sends
 * none before its time, so the mail server is not flooded), and how many customers one
 * transaction of the notice sweep handles.
 */
@ConfigurationProperties("redress.incidents")
record IncidentSettings(@DefaultValue("600") int noticesPerMinute, @DefaultValue("1000") int noticeChunk) {

    IncidentSettings {
        if (noticesPerMinute < 1) {
            throw new IllegalArgumentException("redress.incidents.notices-per-minute must be at least 1");
        }
        if (noticeChunk < 1) {
            throw new IllegalArgumentException("redress.incidents.notice-chunk must be at least 1");
        }
    }
}
