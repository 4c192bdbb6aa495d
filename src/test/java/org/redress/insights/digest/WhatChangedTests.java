package org.redress.insights.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** "What changed" in the weekly digest: which figures moved enough to say so, the most first, in words. */
class WhatChangedTests {

    @Test
    void saysTheFiguresThatMovedMostFirstInPlainWords() {
        List<DigestFigure> figures = List.of(
            DigestFigure.count("Cases opened", 12, 10),
            DigestFigure.share("Recovery rate", 61.0, 72.0),
            DigestFigure.minutes("Median time to acknowledge", 210.0, 25.0),
            DigestFigure.money("Goodwill granted", 120.0, 100.0, "EUR"));

        List<String> changed = WhatChanged.of(figures);

        assertThat(changed).containsExactly(
            "Median time to acknowledge rose from 25 min to 3.5 h.",
            "Recovery rate fell from 72% to 61%.",
            "Goodwill granted rose from 100.00 EUR to 120.00 EUR.");
    }

    @Test
    void aSmallMoveIsNotNews() {
        List<DigestFigure> figures = List.of(
            DigestFigure.count("Cases opened", 2, 1),
            DigestFigure.share("Recovery rate", 68.0, 72.0),
            DigestFigure.minutes("Median time to acknowledge", 7.0, 4.0),
            DigestFigure.money("Goodwill granted", 110.0, 100.0, "EUR"));

        assertThat(WhatChanged.of(figures)).isEmpty();
    }

    @Test
    void aCountFromNothingIsMeasuredAgainstOne() {
        assertThat(WhatChanged.of(List.of(DigestFigure.count("Cases closed", 4, 0))))
            .containsExactly("Cases closed rose from 0 to 4.");
    }

    @Test
    void aFigureWithoutAValueInEitherWeekIsNotCompared() {
        List<DigestFigure> figures = List.of(
            DigestFigure.share("Recovery rate", 50.0, null),
            DigestFigure.minutes("Median time to acknowledge", null, 30.0));

        assertThat(WhatChanged.of(figures)).isEmpty();
    }

    @Test
    void saysAtMostThree() {
        List<DigestFigure> figures = List.of(
            DigestFigure.share("A", 10.0, 90.0),
            DigestFigure.share("B", 20.0, 90.0),
            DigestFigure.share("C", 30.0, 90.0),
            DigestFigure.share("D", 40.0, 90.0));

        assertThat(WhatChanged.of(figures)).containsExactly("A fell from 90% to 10%.", "B fell from 90% to 20%.",
            "C fell from 90% to 30%.");
    }

    @Test
    void showsEachKindOfFigureAsAPersonReadsIt() {
        assertThat(DigestFigure.share("Recovery rate", 66.7, 100.0).line()).isEqualTo("Recovery rate: 66.7% (100%)");
        assertThat(DigestFigure.share("Recovery rate", null, 25.0).line()).isEqualTo("Recovery rate: — (25%)");
        assertThat(DigestFigure.minutes("Median time to acknowledge", 42.0, 3000.0).line())
            .isEqualTo("Median time to acknowledge: 42 min (2.1 days)");
        assertThat(DigestFigure.money("Goodwill granted", 0, 12.5, null).line()).isEqualTo("Goodwill granted: 0.00 (12.50)");
        assertThat(DigestFigure.money("Goodwill granted", 1500, 0, "JPY").line()).isEqualTo("Goodwill granted: 1500 JPY (0 JPY)");
    }
}
