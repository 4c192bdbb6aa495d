package org.redress.risk;

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code redress.risk.*}: the score that opens an outreach case, how often one customer may
 * get one, the category of those cases, what counts as a long wait or a repeat contact,
 * when activity counts as falling, and per signal its points and half-life (e.g.
 * {@code redress.risk.signals.late-delivery.points=3}, {@code ...half-life=14d}).
 */
@ConfigurationProperties("redress.risk")
record RiskSettings(@DefaultValue("10") double threshold, @DefaultValue("30d") Duration outreachPeriod,
                    @DefaultValue("other") String outreachCategory, @DefaultValue("15") int longWaitMinutes,
                    @DefaultValue("7d") Duration repeatContactWithin, @DefaultValue("3") int fallingActivityMinEvents,
                    @DefaultValue("2.0") double fallingActivityFactor, @DefaultValue("14d") Duration fallingActivityMinGap,
                    @DefaultValue("90") int icebergDays, @Nullable Map<RiskSignal, Weight> signals) {

    /** A signal's points when fresh, and the time in which they halve. */
    record Weight(@Nullable Double points, @Nullable Duration halfLife) {}

    double points(RiskSignal signal) {
        Weight weight = signals == null ? null : signals.get(signal);
        return weight == null || weight.points() == null ? signal.defaultPoints() : weight.points();
    }

    Duration halfLife(RiskSignal signal) {
        Weight weight = signals == null ? null : signals.get(signal);
        return weight == null || weight.halfLife() == null ? signal.defaultHalfLife() : weight.halfLife();
    }
}
