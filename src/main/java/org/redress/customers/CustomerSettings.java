package org.redress.customers;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Customer tiers in use ({@code redress.customers.tiers}); SLA targets and fair offers depend on them. */
@ConfigurationProperties("redress.customers")
record CustomerSettings(@DefaultValue({"standard", "premium", "vip"}) List<String> tiers) {
}
