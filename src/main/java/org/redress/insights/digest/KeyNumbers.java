package org.redress.insights.digest;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.redress.insights.Goodwill;
import org.redress.insights.Period;
import org.redress.insights.PromisesKept;
import org.redress.insights.RecoverySummary;
import org.springframework.stereotype.Component;

/**
 * The digest's key numbers for a week beside the week before, for the whole business (as the
 * Insights page shows them unless a team is picked), from the same reports as the page.
 * Retention is not among them: whether last week's customers came back cannot be known for 30 days.
 */
@Component
class KeyNumbers {

    /** The week's figures, in the order the email lists them, and the cases open as they are read. */
    record Week(List<DigestFigure> figures, long openNow) {}

    private final RecoverySummary summary;
    private final PromisesKept promises;
    private final Goodwill goodwill;

    KeyNumbers(RecoverySummary summary, PromisesKept promises, Goodwill goodwill) {
        this.summary = summary;
        this.promises = promises;
        this.goodwill = goodwill;
    }

    Week of(Period week) {
        RecoverySummary.Summary cases = summary.of(week, null);
        RecoverySummary.Figures now = cases.figures();
        RecoverySummary.Figures before = cases.previous();
        Goodwill.Report spent = goodwill.of(week, null);
        Goodwill.Report spentBefore = goodwill.of(week.previous(), null);
        return new Week(List.of(
            DigestFigure.count("Cases opened", now.opened(), before.opened()),
            DigestFigure.count("Cases closed", now.closed(), before.closed()),
            DigestFigure.share("Recovery rate", now.recoveryRate(), before.recoveryRate()),
            DigestFigure.minutes("Median time to acknowledge", now.toAcknowledge().medianMinutes(),
                before.toAcknowledge().medianMinutes()),
            DigestFigure.share("Time targets met on time", targetsMet(now), targetsMet(before)),
            DigestFigure.share("Promises kept on time", promises.of(week, null).total().onTimePercent(),
                promises.of(week.previous(), null).total().onTimePercent()),
            DigestFigure.money("Goodwill granted", Double.parseDouble(spent.granted()), Double.parseDouble(spentBefore.granted()),
                spent.currency())),
            cases.openNow());
    }

    // The acknowledge, resolve and fulfil targets together: met on time of all that ended (cases opened in the week).
    private static @Nullable Double targetsMet(RecoverySummary.Figures figures) {
        long onTime = figures.acknowledgeTarget().onTime() + figures.resolveTarget().onTime() + figures.fulfilTarget().onTime();
        long late = figures.acknowledgeTarget().late() + figures.resolveTarget().late() + figures.fulfilTarget().late();
        return onTime + late == 0 ? null : Math.round(1000.0 * onTime / (onTime + late)) / 10.0;
    }
}
