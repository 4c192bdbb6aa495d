package org.redress.insights;

import java.util.Arrays;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.redress.shared.InvalidInput;

/**
 * What a summary's figures are broken down by: the case's team, who holds it, its category,
 * channel, severity, or the customer's tier. Each is a column of the case facts, read as text
 * so that every breakdown groups the same way; the drill-down filter of the same name opens a
 * line's cases.
 */
public enum Breakdown {
    TEAM("coalesce(cast(team_id as varchar(20)), '-1')", "team"),
    AGENT("coalesce(cast(assignee_id as varchar(20)), 'none')", "assignee"),
    CATEGORY("category", "category"),
    CHANNEL("replace(lower(channel), '_', '-')", "channel"),
    SEVERITY("cast(severity as varchar(2))", "severity"),
    TIER("coalesce(tier, 'unknown')", "tier");

    private final String key;
    private final String filter;

    Breakdown(String key, String filter) {
        this.key = key;
        this.filter = filter;
    }

    /** The grouping key, as text, over the facts' columns. */
    String key() {
        return key;
    }

    /** The drill-down's parameter that keeps one line's cases. */
    public String filter() {
        return filter;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** team (the default), agent, category, channel, severity or tier. */
    static Breakdown parse(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return TEAM;
        }
        return Arrays.stream(values()).filter(b -> b.code().equals(value.trim().toLowerCase(Locale.ROOT))).findFirst()
            .orElseThrow(() -> InvalidInput.field("by", "must be team, agent, category, channel, severity or tier"));
    }
}
