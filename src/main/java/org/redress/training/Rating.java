package org.redress.training;

import org.jspecify.annotations.Nullable;

/** How well one scorecard item was done on a case. */
public enum Rating {
    MET(1.0),
    PARTLY(0.5),
    MISSED(0.0),
    /** The item did not arise on this case (e.g. a date not yet due); it counts neither way. */
    NOT_APPLICABLE(null);

    private final @Nullable Double points;

    Rating(@Nullable Double points) {
        this.points = points;
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
