package org.redress.remedies;

import java.time.Duration;
import java.util.Currency;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code redress.remedies.*}: the business currency every amount is in, and how long an
 * approver has to decide. (How long a customer link stays valid is the links module's
 * {@code redress.links.validity}, which still takes the older {@code redress.remedies.link-validity}.)
 */
@ConfigurationProperties("redress.remedies")
record RemedySettings(@DefaultValue("EUR") Currency currency, @DefaultValue("4h") Duration approvalTarget) {
}
