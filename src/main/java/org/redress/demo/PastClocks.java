package org.redress.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The time targets of the past cases as the SLA module keeps them (sla_clocks): acknowledge
 * and resolve from the opening, fulfil from the agreement, follow-up from the delivery, by
 * the installation's policy for the case's severity; each met when its step was done, or
 * stopped at the close, and marked at risk and missed where the time had passed first (with
 * the lines the timers write on the timeline). A reopened resolution restarts the resolve
 * target and forgets the fulfil and follow-up ones, as the SLA module does.
 */
final class PastClocks {

    private record Policy(long id, int acknowledge, int resolve, int fulfil, int followUp, int warnPercent) {}

    private final JdbcClient jdbc;
    private final PastTimeline timeline;
    private final DateTimeFormatter when;
    private final Map<Integer, Policy> bySeverity = new HashMap<>();
    private @Nullable Policy fallback;

    PastClocks(JdbcClient jdbc, PastTimeline timeline, ZoneId zone) {
        this.jdbc = jdbc;
        this.timeline = timeline;
        this.when = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH).withZone(zone);
    }

    void write(List<PastCase> cases) {
        // The policies for any channel and tier; on a new installation, Default, High and Critical.
        jdbc.sql("select id, severity, acknowledge_minutes, resolve_minutes, fulfil_minutes, follow_up_minutes, warn_at_percent"
                + " from sla_policies where channel is null and tier is null order by id")
            .query((rs, n) -> {
                Policy policy = new Policy(rs.getLong("id"), rs.getInt("acknowledge_minutes"), rs.getInt("resolve_minutes"),
                    rs.getInt("fulfil_minutes"), rs.getInt("follow_up_minutes"), rs.getInt("warn_at_percent"));
                Integer severity = rs.getObject("severity", Integer.class);
                if (severity == null) {
                    fallback = policy;
                } else {
                    bySeverity.put(severity, policy);
                }
                return policy;
            })
            .list();
        Rows rows = new Rows(jdbc, "sla_clocks",
            "case_id, target, policy_id, started_at, warn_at, due_at, met_at, stopped_at, warned_at, breached_at");
        for (PastCase c : cases) {
            Policy policy = bySeverity.getOrDefault(c.severity, fallback);
            if (policy == null) {
                continue;
            }
            clock(rows, c, policy, "ACKNOWLEDGE", c.openedAt, policy.acknowledge(), c.acknowledgedAt);
            if (c.reopened) {
                clock(rows, c, policy, "RESOLVE", c.surveyAnsweredAt, policy.resolve(), null);
                continue;
            }
            clock(rows, c, policy, "RESOLVE", c.openedAt, policy.resolve(), c.agreedAt);
            if (c.agreedAt != null) {
                clock(rows, c, policy, "FULFIL", c.agreedAt, policy.fulfil(), c.fulfilledAt);
                clock(rows, c, policy, "FOLLOW_UP", c.fulfilledAt, policy.followUp(), c.followedUpAt);
            }
        }
        rows.write();
    }

    private void clock(Rows rows, PastCase c, Policy policy, String target, Instant started, int minutes, @Nullable Instant met) {
        Duration span = Duration.ofMinutes(minutes);
        boolean followUp = target.equals("FOLLOW_UP");
        // A follow-up is not at risk before it is due: it has no separate warning.
        Instant warn = started.plus(followUp ? span : span.multipliedBy(policy.warnPercent()).dividedBy(100));
        Instant due = started.plus(span);
        Instant end = met != null ? met : c.closedAt;
        boolean warned = end.isAfter(warn);
        boolean missed = end.isAfter(due);
        rows.add(c.id, target, policy.id(), started, warn, due, met, met == null ? c.closedAt : null, warned ? warn : null,
            missed ? due : null);
        String label = switch (target) {
            case "ACKNOWLEDGE" -> "acknowledge";
            case "RESOLVE" -> "agree a resolution";
            default -> "fulfil";
        };
        if (followUp) {
            if (missed) {
                timeline.add(c, due, null, "followup.due", "Follow-up due: check back that the customer is truly satisfied");
            }
            return;
        }
        if (warned) {
            timeline.add(c, warn, null, "sla.at-risk", "At risk: " + label + " is due " + when.format(due));
        }
        if (missed) {
            timeline.add(c, due, null, "sla.breached", "Target missed: " + label + " was due " + when.format(due));
        }
    }
}
