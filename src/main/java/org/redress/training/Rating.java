package org.redress.training;

import org.jspecify.annotations.Nullable;

/** How well one scorecard item was done on a case. */
public enum Rating {
    MET(1.0, "Met"),
    PARTLY(0.5, "Partly"),
    MISSED(0.0, "Missed"),
    /** The item did not arise on this case (e.g. a date not yet due); it counts neither way. */
    NOT_APPLICABLE(null, "Does not apply");

    private final @Nullable Double points;
    private final String label;

    Rating(@Nullable Double points, String label) {
        this.points = points;
        this.label = label;
    }

    /** The rating in words, as the console shows it. */
    public String label() {
        return label;
    }

    /** The share of the item's weight earned; null when it does not count. */
    @Nullable Double points() {
        return points;
    }

    static Rating parse(String field, @Nullable String value) {
        if (value != null) {
            String wanted = value.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_').replace(' ', '_');
            for (Rating rating : values()) {
                if (rating.name().equals(wanted)) {
                    return rating;
                }
            }
        }
        throw org.redress.shared.InvalidInput.field(field, "'" + value + "' is not a rating: met, partly, missed or not-applicable");
    }
}
