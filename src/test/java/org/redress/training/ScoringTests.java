package org.redress.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A review's score from its ratings and the items' weights, and how far a calibration session's reviewers disagree. */
class ScoringTests {

    private static final Scorecard CARD = new Scorecard(3, List.of(
        new ScorecardItem("A", "Acknowledged", "in time", 2),
        new ScorecardItem("B", "Apologized", "sincerely", 1),
        new ScorecardItem("C", "Date kept", "by then", 3)), Instant.EPOCH, null);

    @Test
    void theScoreIsTheWeightedShareEarnedOfTheItemsThatApply() {
        assertThat(CARD.score(Map.of("A", Rating.MET, "B", Rating.MET, "C", Rating.MET))).isEqualTo(100.0);
        // 2 × 1 + 1 × 0.5 + 3 × 0 = 2.5 of 6
        assertThat(CARD.score(Map.of("A", Rating.MET, "B", Rating.PARTLY, "C", Rating.MISSED))).isEqualTo(41.7);
        // C does not apply: 2 × 0 + 1 × 1 = 1 of 3
        assertThat(CARD.score(Map.of("A", Rating.MISSED, "B", Rating.MET, "C", Rating.NOT_APPLICABLE))).isEqualTo(33.3);
        assertThat(CARD.score(Map.of("A", Rating.NOT_APPLICABLE, "B", Rating.NOT_APPLICABLE, "C", Rating.NOT_APPLICABLE)))
            .as("nothing applied: no score, not 0").isNull();
    }

    @Test
    void disagreementIsTheShareOfReviewerPairsWhoRatedAlikeAndTheSpreadOfTheScores() {
        // Three reviewers: all agree on A; all differ on B; two of three agree on C.
        List<Map<String, Rating>> ratings = List.of(
            Map.of("A", Rating.MET, "B", Rating.MET, "C", Rating.MET),
            Map.of("A", Rating.MET, "B", Rating.PARTLY, "C", Rating.MET),
            Map.of("A", Rating.MET, "B", Rating.MISSED, "C", Rating.MISSED));
        List<Double> scores = ratings.stream().map(CARD::score).toList();
        assertThat(scores).containsExactly(100.0, 91.7, 33.3);

        Disagreement disagreement = Disagreement.of(CARD, ratings, scores);

        assertThat(disagreement.reviews()).isEqualTo(3);
        // Items: A 3 of 3 pairs alike, B 0 of 3, C 1 of 3; their mean 4/9.
        assertThat(disagreement.items()).extracting(Disagreement.Item::code).containsExactly("B", "C", "A");
        assertThat(disagreement.items()).extracting(Disagreement.Item::agreementPercent).containsExactly(0.0, 33.3, 100.0);
        assertThat(disagreement.items().get(0).ratings()).containsExactly(Rating.MET, Rating.PARTLY, Rating.MISSED);
        assertThat(disagreement.agreementPercent()).isEqualTo(44.4);
        assertThat(disagreement.scoreSpread()).isEqualTo(66.7);
        // Mean 75.0; deviations 25.0, 16.7, -41.7: population standard deviation 29.7.
        assertThat(disagreement.scoreDeviation()).isEqualTo(29.7);
    }

    @Test
    void anItemSomeoneLeftUnratedCountsAsNotApplicableAndOneReviewIsNotACalibration() {
        Disagreement two = Disagreement.of(CARD, List.of(Map.of("A", Rating.NOT_APPLICABLE), Map.of()), java.util.Arrays.asList(null, null));
        assertThat(two.agreementPercent()).isEqualTo(100.0);
        assertThat(two.scoreSpread()).isNull();
        assertThatThrownBy(() -> Disagreement.of(CARD, List.of(Map.of()), java.util.Arrays.asList((Double) null)))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ratingsAreReadAsPeopleWriteThem() {
        assertThat(Rating.parse("r", "not-applicable")).isEqualTo(Rating.NOT_APPLICABLE);
        assertThat(Rating.parse("r", " Partly ")).isEqualTo(Rating.PARTLY);
        assertThatThrownBy(() -> Rating.parse("ratings.A", "great")).hasMessageContaining("met, partly, missed or not-applicable");
    }
}
