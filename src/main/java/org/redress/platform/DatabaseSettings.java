package org.redress.platform;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code redress.database.*}: how long work may wait on the database. A request is given
 * little time, so that during an outage it fails fast and says so; background sweeps may
 * run long statements. The pool's and the driver's own limits (waiting for a connection,
 * connecting, signing in) are in {@code spring.datasource.hikari.*}; see
 * docs/configuration.md for each value and why.
 *
 * @param requestSocketTimeout    the longest a request waits for any answer from the database
 * @param requestStatementTimeout the longest one statement of a request may run before the database cancels it
 * @param statementTimeout        the same for work outside requests (sweeps, listeners); schema migrations have none
 * @param retryAfter              what a request refused during an outage is told to wait ({@code Retry-After})
 */
@ConfigurationProperties("redress.database")
record DatabaseSettings(@DefaultValue("3500ms") Duration requestSocketTimeout,
                        @DefaultValue("3s") Duration requestStatementTimeout,
                        @DefaultValue("120s") Duration statementTimeout,
                        @DefaultValue("5s") Duration retryAfter) {
}
