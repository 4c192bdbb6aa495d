package org.redress.surveys;

import org.jspecify.annotations.Nullable;

/** The question's scale: customer satisfaction 1–5, net promoter 0–10, or words only. */
public enum SurveyKind {
    CSAT(1, 5, 2), NPS(0, 10, 6), TEXT(null, null, null);

    private final @Nullable Integer min;
    private final @Nullable Integer max;
    private final @Nullable Integer defaultThreshold;

    SurveyKind(@Nullable Integer min, @Nullable Integer max, @Nullable Integer defaultThreshold) {
        this.min = min;
        this.max = max;
        this.defaultThreshold = defaultThreshold;
    }

    public boolean scored() {
        return min != null;
    }

    public int min() {
        return min == null ? 0 : min;
    }

    public int max() {
        return max == null ? 0 : max;
    }

    /** The score at or below which a case opens unless the survey says otherwise: 2 of 5, a detractor's 6 of 10. */
    @Nullable Integer defaultThreshold() {
        return defaultThreshold;
    }
}
