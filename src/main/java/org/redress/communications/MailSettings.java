package org.redress.communications;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code redress.mail.*}: the sender address, the domain of our Message-IDs, how often and
 * how long to retry a message the mail server does not take, the largest attachment
 * accepted from a customer, and the category of complaints that arrive by email. Links in
 * messages are built by {@link org.redress.platform.PublicAddress}.
 */
@ConfigurationProperties("redress.mail")
record MailSettings(@DefaultValue("care@redress.local") String from, @DefaultValue("redress.local") String messageIdDomain,
                    @DefaultValue("10") int maxAttempts, @DefaultValue("5s") Duration firstRetry,
                    @DefaultValue("30m") Duration longestRetry, @DefaultValue("10485760") long maxAttachmentBytes,
                    @DefaultValue("other") String defaultCategory) {

    /** The wait before attempt n+1 after n failed ones: doubling from the first retry, capped. */
    Duration backoff(int failedAttempts) {
        Duration wait = firstRetry.multipliedBy(1L << Math.min(failedAttempts - 1, 20));
        return wait.compareTo(longestRetry) > 0 ? longestRetry : wait;
    }
}
