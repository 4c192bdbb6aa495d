package org.redress.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.redress.insights.WhatRecovers.Cell;
import org.redress.insights.WhatRecovers.FirstAnswer;
import org.redress.insights.WhatRecovers.Outcome;
import org.redress.insights.WhatRecovers.Practice;

/** The arithmetic of "what recovers customers": intervals, the small-sample mark, and adding cells up per practice. */
class WhatRecoversUnitTests {

    @Test
    void theIntervalIsWideForFewCasesNarrowForManyAndStaysWithinNoneAndAll() {
        assertThat(WhatRecovers.wilson(0, 10)).containsExactly(0.0, 27.8);
        assertThat(WhatRecovers.wilson(10, 10)).containsExactly(72.2, 100.0);
        assertThat(WhatRecovers.wilson(24, 30)).containsExactly(62.7, 90.5);
        assertThat(WhatRecovers.wilson(240, 300)).containsExactly(75.1, 84.1);
        assertThat(WhatRecovers.wilson(0, 0)).isNull();
    }

    @Test
    void aGroupOfFewerThanThirtyCasesIsTooFewToConclude() {
        assertThat(Outcome.of(29, 20, 0, 0).tooFew()).isTrue();
        assertThat(Outcome.of(30, 20, 0, 0).tooFew()).isFalse();
        assertThat(Outcome.of(0, 0, 0, 0).recoveredShown()).isEqualTo("—");
        assertThat(Outcome.of(4, 3, 0, 0).retainedShown()).isEqualTo("not yet");
        assertThat(Outcome.of(4, 3, 2, 1).retainedShown()).isEqualTo("50.0% (1 of 2)");
    }

    @Test
    void everyCombinationIsListedAndEachPracticeAddsUpItsCells() {
        List<Cell> cells = WhatRecovers.cells(Map.of(
            "WITHIN_AN_HOUR/true/true", Outcome.of(20, 18, 10, 9),
            "WITHIN_AN_HOUR/true/false", Outcome.of(15, 12, 5, 3),
            "LATER/false/true", Outcome.of(10, 0, 10, 2)));

        assertThat(cells).hasSize(12);
        assertThat(cells.get(0).firstAnswer()).isEqualTo(FirstAnswer.WITHIN_AN_HOUR);
        assertThat(cells.stream().filter(cell -> cell.outcome().closed() == 0)).hasSize(9);
        List<Practice> practices = WhatRecovers.practices(cells);
        Outcome hour = practices.get(0).outcome();
        assertThat(practices.get(0).group()).isEqualTo("Within an hour");
        assertThat(hour.closed()).isEqualTo(35);
        assertThat(hour.recovered()).isEqualTo(30);
        assertThat(hour.retained()).isEqualTo(12);
        assertThat(hour.retentionKnown()).isEqualTo(15);
        assertThat(hour.tooFew()).as("35 cases together, though each cell has fewer").isFalse();
        assertThat(practices).filteredOn(p -> p.group().equals("Remedy")).singleElement()
            .satisfies(remedy -> assertThat(remedy.outcome().closed()).isEqualTo(30));
        assertThat(practices).filteredOn(p -> p.group().equals("No apology")).singleElement()
            .satisfies(none -> assertThat(none.outcome().recoveredPercent()).isEqualTo(0.0));
    }
}
