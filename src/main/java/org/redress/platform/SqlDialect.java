package org.redress.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which database Redress writes to. Every statement is written to run on PostgreSQL and on
 * the embedded H2 alike; a hot path may take a PostgreSQL-only form (a writable common
 * table expression, {@code on conflict ... do update}) that saves round trips where the
 * production database is, and keeps the portable statements for H2.
 */
@Component
public class SqlDialect {

    private final boolean postgres;

    SqlDialect(@Value("${spring.datasource.url}") String url) {
        this.postgres = url.startsWith("jdbc:postgresql:");
    }

    public boolean postgres() {
        return postgres;
    }
}
