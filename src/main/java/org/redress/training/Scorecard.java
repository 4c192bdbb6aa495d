package org.redress.training;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "The items a review scores, as one published version.")
public record Scorecard(
    @Schema(description = "Version; a review keeps the version it was scored on.", example = "1") int version,
    @Schema(description = "The items, in the order of the playbook.") List<ScorecardItem> items,
    @Schema(description = "When this version was published.") Instant publishedAt,
    @Schema(description = "Who published it; null for the version Redress comes with.") @Nullable String publishedBy) {

    /**
     * The score in percent, one decimal: the weighted share of the items earned, over the items
     * that apply. Null when none applies.
     */
    public @Nullable Double score(Map<String, Rating> ratings) {
        double earned = 0;
        int counted = 0;
        for (ScorecardItem item : items) {
            Rating rating = ratings.get(item.code());
            Double points = rating == null ? null : rating.points();
            if (points != null) {
                earned += points * item.weight();
                counted += item.weight();
            }
        }
        return counted == 0 ? null : Math.round(earned / counted * 1000) / 10.0;
    }

    boolean has(String code) {
        return items.stream().anyMatch(item -> item.code().equals(code));
    }
}
