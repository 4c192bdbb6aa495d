package org.redress.risk;

import java.time.Duration;

/** A sign that a customer may be unhappy, with its default points and half-life. */
public enum RiskSignal {
    LATE_DELIVERY("Late delivery", 3, Duration.ofDays(14)),
    FAILED_DELIVERY("Failed delivery", 6, Duration.ofDays(21)),
    LONG_WAIT("Long wait", 2, Duration.ofDays(7)),
    REPEAT_CONTACT("Contacted us again within days", 4, Duration.ofDays(14)),
    INCIDENT("Affected by an incident", 4, Duration.ofDays(30)),
    LOW_SCORE("Low survey score or negative comment", 6, Duration.ofDays(30)),
    CANCELLATION("Cancelled", 5, Duration.ofDays(30)),
    REFUND_REQUEST("Asked for a refund", 3, Duration.ofDays(14)),
    FALLING_ACTIVITY("Stopped ordering", 4, Duration.ofDays(30));

    private final String label;
    private final double defaultPoints;
    private final Duration defaultHalfLife;

    RiskSignal(String label, double defaultPoints, Duration defaultHalfLife) {
        this.label = label;
        this.defaultPoints = defaultPoints;
        this.defaultHalfLife = defaultHalfLife;
    }

    public String label() {
        return label;
    }

    double defaultPoints() {
        return defaultPoints;
    }

    Duration defaultHalfLife() {
        return defaultHalfLife;
    }
}
