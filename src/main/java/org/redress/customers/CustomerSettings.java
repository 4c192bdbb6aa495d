package org.redress.customers;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Customer tiers in use ({@code redress.customers.tiers}); SLA targets and fair offers depend on
 * them. And how often customer search's indexes take in their new entries
 * ({@code redress.customers.search-merge-every}, PostgreSQL; {@link SearchIndexMerge}).
 */
@ConfigurationProperties("redress.customers")
record CustomerSettings(@DefaultValue({"standard", "premium", "vip"}) List<String> tiers,
                        @DefaultValue("2s") Duration searchMergeEvery) {

    CustomerSettings {
        if (searchMergeEvery.isNegative() || searchMergeEvery.isZero()) {
            throw new IllegalStateException("redress.customers.search-merge-every must be longer than zero (it is "
                + searchMergeEvery + ")");
        }
    }
}
