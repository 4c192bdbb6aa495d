package org.redress.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * How far the reviewers of one calibration session disagree. Per item: the share of reviewer
 * pairs who gave the same rating (1.0 when all agree), and the gap between the highest and
 * lowest points given. Overall: the items' mean agreement, and the spread and standard
 * deviation of the reviewers' scores. Exact counts, no sampling; at least two reviews.
 */
@Schema(description = "How far the reviewers of a calibration session disagree.")
public record Disagreement(
    @Schema(description = "Reviews compared.") int reviews,
    @Schema(description = "The items' mean agreement in percent: of every pair of reviewers, the share who rated an item the same, averaged over the items.") double agreementPercent,
    @Schema(description = "Highest score minus lowest, in percentage points; null when a review has no score.") @Nullable Double scoreSpread,
    @Schema(description = "Standard deviation of the scores (of the reviewers, not a sample), in percentage points.") @Nullable Double scoreDeviation,
    @Schema(description = "Per item, least agreement first.") List<Item> items) {

    @Schema(name = "ItemDisagreement", description = "Agreement on one scorecard item.")
    public record Item(@Schema(description = "Item code.") String code,
                       @Schema(description = "Item name.") String label,
                       @Schema(description = "Share of reviewer pairs who rated it the same, in percent.") double agreementPercent,
                       @Schema(description = "Each reviewer's rating, in the order of the reviews.") List<Rating> ratings) {}

    /** Compares the reviews (each: its ratings by item code, and its score) on the scorecard's items. */
    static Disagreement of(Scorecard scorecard, List<Map<String, Rating>> ratings, List<@Nullable Double> scores) {
        if (ratings.size() < 2) {
            throw new IllegalArgumentException("Disagreement needs at least two reviews");
        }
        List<Item> items = new ArrayList<>();
        double sum = 0;
        for (ScorecardItem item : scorecard.items()) {
            List<Rating> given = ratings.stream().map(r -> r.getOrDefault(item.code(), Rating.NOT_APPLICABLE)).toList();
            double agreement = pairsAgreeing(given);
            sum += agreement;
            items.add(new Item(item.code(), item.label(), percent(agreement), given));
        }
        items.sort(java.util.Comparator.comparingDouble(Item::agreementPercent));
        boolean scored = scores.stream().allMatch(java.util.Objects::nonNull);
        Double spread = null;
        Double deviation = null;
        if (scored) {
            double max = scores.stream().mapToDouble(Double::doubleValue).max().orElse(0);
            double min = scores.stream().mapToDouble(Double::doubleValue).min().orElse(0);
            double mean = scores.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            double variance = scores.stream().mapToDouble(score -> (score - mean) * (score - mean)).sum() / scores.size();
            spread = round(max - min);
            deviation = round(Math.sqrt(variance));
        }
        return new Disagreement(ratings.size(), percent(sum / scorecard.items().size()), spread, deviation, items);
    }

    private static double pairsAgreeing(List<Rating> given) {
        int pairs = 0;
        int same = 0;
        for (int i = 0; i < given.size(); i++) {
            for (int j = i + 1; j < given.size(); j++) {
                pairs++;
                if (given.get(i) == given.get(j)) {
                    same++;
                }
            }
        }
        return (double) same / pairs;
    }

    private static double percent(double share) {
        return round(share * 100);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
