package org.redress.remedies;

import java.time.Duration;
import java.util.Currency;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code redress.remedies.*}: the business currency every amount is in, how long an
 * approver has to decide, and how long a customer link stays valid.
 */
@ConfigurationProperties("redress.remedies")
record RemedySettings(@DefaultValue("EUR") Currency currency, @DefaultValue("4h") Duration approvalTarget,
                      @DefaultValue("30d") Duration linkValidity) {
}
