package org.redress.insights;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.redress.platform.ReportReads;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Whether recovered customers stay: of the customers whose case closed in a period, the share
 * active again (an order or a service visit, from the business events) within 30, 90 and 180
 * days of the close, for those recovered, those not recovered, and, as the baseline, the
 * customers active in the period who had no case open in it (counted from their first
 * activity in the period). A customer is counted once, in the group of their last close in
 * the period. Only customers whose window has fully passed are counted in it, so a recent period
 * says "not yet" for the long windows instead of a share that is low only because time has
 * not passed. Each group is one pass over rows the refresh keeps for it ({@link CustomerActivity},
 * ADR 17): the period's closes, and the period's moments of activity.
 */
@Service
@ReportReads
public class Retention {

    static final List<Integer> WINDOWS = List.of(30, 90, 180);

    @Schema(name = "RetentionWindow", description = "Of the customers whose window has passed, how many were active again within it.")
    public record Window(@Schema(description = "Days after the close (baseline: after their first activity in the period).") int days,
                         @Schema(description = "Customers whose window has fully passed.") long customers,
                         @Schema(description = "Of them, active again within the window.") long activeAgain,
                         @Schema(description = "Active again ÷ customers, in per cent; none while no window has passed.") @Nullable Double percent) {

        /** "67% (4 of 6)", or "not yet" while no customer's window has passed, for the page. */
        public String shown() {
            return percent == null ? "not yet" : percent + "% (" + activeAgain + " of " + customers + ")";
        }
    }

    @Schema(name = "RetentionGroup", description = "A group of customers and how many came back.")
    public record Group(@Schema(description = "RECOVERED, NOT_RECOVERED or NEVER_COMPLAINED.") String group,
                        @Schema(description = "Customers in the group.") long customers,
                        @Schema(description = "Per window: 30, 90 and 180 days.") List<Window> windows) {

        /** The group in words, for the page. */
        public String label() {
            return switch (group) {
                case "RECOVERED" -> "Recovered";
                case "NOT_RECOVERED" -> "Not recovered";
                default -> "Did not complain (baseline)";
            };
        }
    }

    @Schema(name = "Retention", description = "Retention after recovery for a period: recovered, not recovered, and the "
            + "customers who did not complain in it as the baseline.")
    public record Report(@Schema(description = "The period whose closes (baseline: activity) are counted.") Period period,
                         @Schema(description = "The team whose cases are counted; none for all (the baseline is always the "
                             + "whole business).") @Nullable Long team,
                         @Schema(description = "Recovered, not recovered, never complained.") List<Group> groups,
                         @Schema(description = "When the facts were last refreshed.") @Nullable Instant asOf) {}

    private final JdbcClient jdbc;
    private final CustomerActivity activity;
    private final ZoneId zone;
    private final Clock clock;

    Retention(JdbcClient jdbc, CustomerActivity activity, ZoneId businessZone, Clock clock) {
        this.jdbc = jdbc;
        this.activity = activity;
        this.zone = businessZone;
        this.clock = clock;
    }

    public Report of(Period period, @Nullable Long teamId) {
        Instant now = clock.instant();
        Map<String, Object> params = windowParams(now);
        params.putAll(period.bounds(zone));
        Windows windows = new Windows(period.start(zone), period.end(zone), now);
        boolean kept = activity.counted();
        Map<String, Group> byOutcome = new HashMap<>();
        jdbc.sql(kept ? lastCloses(teamId, windows) : lastClosesWorkedOut(teamId, windows))
            .params(params).query((rs, n) -> byOutcome.put(rs.getString("outcome"), group(rs.getString("outcome"), rs))).list();
        List<Group> groups = new ArrayList<>();
        for (String outcome : List.of("RECOVERED", "NOT_RECOVERED")) {
            groups.add(byOutcome.getOrDefault(outcome, new Group(outcome, 0,
                WINDOWS.stream().map(days -> new Window(days, 0, 0, null)).toList())));
        }
        if (!kept) {
            // The longest window after the period's end: later activity cannot count.
            params.put("horizon", Timestamp.from(period.end(zone).plus(Duration.ofDays(WINDOWS.get(WINDOWS.size() - 1)))));
        }
        groups.add(jdbc.sql(kept ? baseline(windows) : baselineWorkedOut(windows)).params(params)
            .query((rs, n) -> group("NEVER_COMPLAINED", rs)).single());
        return new Report(period, teamId, groups, RecoverySummary.asOf(jdbc));
    }

    // Each customer once, by their last close in the period: the closes whose next one (of the
    // team's, for a team) is not in it.
    private static String lastCloses(@Nullable Long teamId, Windows windows) {
        String next = teamId == null ? "f.next_close_at" : "f.next_team_close_at";
        return "select outcome, " + windows.counts("closed_at", "seconds_to_again") + " from insight_case_facts f"
            + " where f.outcome in ('RECOVERED', 'NOT_RECOVERED') and f.closed_at >= :start and f.closed_at < :end"
            + " and (" + next + " is null or " + next + " >= :end)" + RecoverySummary.onTeam(teamId) + " group by outcome";
    }

    // The baseline: each customer's first activity in the period (none just before it in the
    // period) and their next one, for the customers with no case open at any time in the period:
    // none opened before it still open or closed in the period, none opened after it in the period.
    private static String baseline(Windows windows) {
        return "select " + windows.counts("a.occurred_at", "a.seconds_to_next") + " from insight_activity a"
            + " where a.occurred_at >= :start and a.occurred_at < :end and (a.previous_at is null or a.previous_at < :start)"
            + " and a.case_open = false and (a.cases_closed_at is null or a.cases_closed_at < :start)"
            + " and (a.next_case_at is null or a.next_case_at >= :end)";
    }

    // As lastCloses, worked out on every read until the refresh has built the next closes.
    private static String lastClosesWorkedOut(@Nullable Long teamId, Windows windows) {
        return "select outcome, " + windows.counts("closed_at", "seconds_to_again") + " from ("
            + " select f.outcome, f.closed_at, f.seconds_to_again,"
            + "   row_number() over (partition by f.customer_id order by f.closed_at desc, f.case_id desc) nth"
            + " from insight_case_facts f where f.outcome in ('RECOVERED', 'NOT_RECOVERED')"
            + "   and f.closed_at >= :start and f.closed_at < :end" + RecoverySummary.onTeam(teamId) + ") closes"
            + " where nth = 1 group by outcome";
    }

    // As baseline(), worked out from the business events and the facts until the refresh has built insight_activity.
    private static String baselineWorkedOut(Windows windows) {
        return "select " + windows.counts("b.first_at", CaseFacts.secondsBetween("b.first_at", "b.next_at")) + " from ("
            + " select a.first_at, (select min(e.occurred_at) from business_events e where e.customer_ref = a.customer_ref"
            + "   and e.type in (" + CaseFacts.ACTIVITY + ") and e.occurred_at > a.first_at and e.occurred_at < :horizon) next_at"
            + " from (select customer_ref, min(occurred_at) first_at from business_events"
            + "   where type in (" + CaseFacts.ACTIVITY + ") and occurred_at >= :start and occurred_at < :end"
            + "   group by customer_ref) a"
            + " where a.customer_ref not in (select cu.external_ref from customers cu"
            + "   join insight_case_facts f on f.customer_id = cu.id"
            + "   where f.opened_at < :end and (f.closed_at is null or f.closed_at >= :start) and cu.external_ref is not null)"
            + ") b";
    }

    /**
     * For each window: how many customers' windows have passed (their start at least that long
     * ago), and how many of those were active again within it ({@code seconds}: how long after
     * the start they were, in whole seconds rounded up). Every start lies in the period: a window
     * that has passed for the period's end has passed for all of them, and one that has not yet
     * passed for its start has passed for none, so only a window that passes within the period
     * compares each start (in psql an old month's closes took 54 ms instead of 96).
     */
    private record Windows(Instant start, Instant end, Instant now) {

        String counts(String from, String seconds) {
            StringBuilder sql = new StringBuilder("count(*) customers");
            for (int days : WINDOWS) {
                Instant passedAt = now.minus(Duration.ofDays(days));
                String within = seconds + " <= " + days * 86_400L;
                if (!end.isAfter(passedAt)) {
                    sql.append(", count(*) passed").append(days)
                        .append(", count(case when ").append(within).append(" then 1 end) again").append(days);
                } else if (start.isAfter(passedAt)) {
                    sql.append(", 0 passed").append(days).append(", 0 again").append(days);
                } else {
                    String passed = from + " <= :passed" + days;
                    sql.append(", count(case when ").append(passed).append(" then 1 end) passed").append(days)
                        .append(", count(case when ").append(passed).append(" and ").append(within)
                        .append(" then 1 end) again").append(days);
                }
            }
            return sql.toString();
        }
    }

    private static Map<String, Object> windowParams(Instant now) {
        Map<String, Object> params = new HashMap<>();
        for (int days : WINDOWS) {
            params.put("passed" + days, Timestamp.from(now.minus(Duration.ofDays(days))));
        }
        return params;
    }

    private static Group group(String name, java.sql.ResultSet rs) throws java.sql.SQLException {
        List<Window> windows = new ArrayList<>();
        for (int days : WINDOWS) {
            long passed = rs.getLong("passed" + days);
            long again = rs.getLong("again" + days);
            windows.add(new Window(days, passed, again, passed == 0 ? null : Math.round(1000.0 * again / passed) / 10.0));
        }
        return new Group(name, rs.getLong("customers"), windows);
    }
}
