package org.redress.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The few lessons of the past that named an action, and what became of each: the carrier
 * change done three months ago (after which carrier delays fell), a second check at packing
 * done in the last weeks, an outage fix, one dropped, one overdue, one not yet due. Each goes
 * on the lesson of a recovered case of its cause learnt about when the action was decided.
 */
final class PastActions {

    private record Planned(String cause, int recordedDaysAgo, int dueInDays, String status, int settledDaysAgo, String what,
                           String note) {}

    private static final List<Planned> PLANNED = List.of(
        new Planned("carrier-delay", 118, 24, "DONE", 90, "Move the north region to a second carrier, and tell the customer "
            + "of a late parcel the same day", "The second carrier runs the north region; late parcels now send a message at once."),
        new Planned("warehouse-error", 68, 25, "DONE", 40, "Add a second check at packing for orders of three items or more",
            "Second check at packing in place on both shifts."),
        new Planned("system-failure", 58, 28, "DONE", 31, "Fail the payment service over to a second region",
            "Failover tested on a Sunday morning; it took 40 seconds."),
        new Planned("process-gap", 75, 30, "DROPPED", 21, "Write a one-page returns guide for the stores",
            "Replaced by the new returns policy, which says it plainly."),
        new Planned("understaffing", 34, 24, "OPEN", 0, "Two more people on the phones from 12:00 to 14:00", ""),
        new Planned("staff-behaviour", 22, 10, "DONE", 8, "A refresher on talking about the returns policy for the returns desk",
            "Everyone at the desk took it."),
        new Planned("pricing-error", 9, 16, "OPEN", 0, "Send price changes to the tills with the shelf labels", ""));

    private PastActions() {
    }

    /**
     * Puts each planned action on the lesson of a recovered case of its cause learnt closest to
     * when it was decided; the case's team lead owns it.
     */
    static void assign(List<PastCase> cases, Instant now, ZoneId zone) {
        for (Planned planned : PLANNED) {
            Instant decided = now.minus(Duration.ofDays(planned.recordedDaysAgo()));
            PastCase on = cases.stream()
                .filter(c -> c.recovered() && c.cause.code().equals(planned.cause()) && c.action == null)
                .min(Comparator.comparing(c -> Duration.between(c.learntAt, decided).abs())).orElse(null);
            if (on == null) {
                continue;
            }
            LocalDate due = LocalDate.ofInstant(on.learntAt, zone).plusDays(planned.dueInDays());
            @Nullable Instant settled = planned.status().equals("OPEN") ? null
                : now.minus(Duration.ofDays(planned.settledDaysAgo())).minus(Duration.ofHours(3));
            on.action = new PastCase.Action(planned.what(), on.team.lead(), due, planned.status(), settled,
                planned.note().isEmpty() ? null : planned.note());
        }
    }
}
