package org.redress.risk;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;

/**
 * The iceberg as every supervisor's queue page shows it, counted at most every
 * {@link #FRESH} per node. Counting reads every customer's risk row and the signals of those
 * at risk; the page is opened far more often than a thirty-day count moves. The Silent
 * customers page and the API count afresh each time.
 */
@Component
class IcebergGlance {

    static final Duration FRESH = Duration.ofSeconds(30);

    private record Counted(RiskViews.Iceberg iceberg, long atNanos) {}

    private final RiskViews views;
    private final AtomicReference<Counted> last = new AtomicReference<>();

    IcebergGlance(RiskViews views) {
        this.views = views;
    }

    RiskViews.Iceberg now() {
        long now = System.nanoTime();
        Counted counted = last.get();
        if (counted != null && now - counted.atNanos() < FRESH.toNanos()) {
            return counted.iceberg();
        }
        RiskViews.Iceberg iceberg = views.iceberg(views.icebergDays());
        last.set(new Counted(iceberg, now));
        return iceberg;
    }
}
