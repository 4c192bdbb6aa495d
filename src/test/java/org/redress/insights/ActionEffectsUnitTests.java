package org.redress.insights;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.redress.insights.ActionEffects.Verdict;

/** When the cases before and after a done action say it worked, and when they are too few or too recent to say. */
class ActionEffectsUnitTests {

    @Test
    void tooRecentOrTooFewCasesSayNothing() {
        assertThat(ActionEffects.verdict(13, 40, 0)).isEqualTo(Verdict.TOO_EARLY);
        assertThat(ActionEffects.verdict(14, 6, 3)).isEqualTo(Verdict.TOO_FEW);
    }

    @Test
    void aFifthFewerIsFewerAndAQuarterMoreIsMore() {
        assertThat(ActionEffects.verdict(30, 10, 8)).isEqualTo(Verdict.FEWER);
        assertThat(ActionEffects.verdict(30, 10, 9)).isEqualTo(Verdict.ABOUT_THE_SAME);
        assertThat(ActionEffects.verdict(30, 8, 9)).isEqualTo(Verdict.ABOUT_THE_SAME);
        assertThat(ActionEffects.verdict(30, 8, 10)).isEqualTo(Verdict.MORE);
        assertThat(ActionEffects.verdict(90, 0, 12)).isEqualTo(Verdict.MORE);
    }
}
