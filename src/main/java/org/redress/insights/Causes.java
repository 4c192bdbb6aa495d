package org.redress.insights;

import java.sql.Timestamp;
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
 * Why customers complained: the root causes found (the Identify cause step) on the cases
 * opened in a period, most frequent first with their running share (a Pareto: the few causes
 * behind most complaints), each beside the period before, split by our part in it (ours,
 * partly ours, not ours), and how many were recurring: the same customer with a case of the
 * same cause opened in the 90 days before.
 */
@Service
@ReportReads
public class Causes {

    /** A case recurs when the same customer had a case of the same cause opened this many days before it. */
    static final int RECURRING_WITHIN_DAYS = 90;

    @Schema(name = "Cause", description = "One root cause among the period's cases.")
    public record Cause(@Schema(description = "The cause's code, e.g. \"carrier-delay\".") String code,
                        @Schema(description = "Its name in the taxonomy.") String label,
                        @Schema(description = "Cases opened in the period with this cause.") long cases,
                        @Schema(description = "Their share of the cases with a cause found, in per cent.") double percent,
                        @Schema(description = "Running share down the list, in per cent (the Pareto line).") double cumulativePercent,
                        @Schema(description = "Cases with this cause in the period before, as long.") long previous,
                        @Schema(description = "Of the period's, our part was ours.") long ours,
                        @Schema(description = "Partly ours.") long partlyOurs,
                        @Schema(description = "Not ours.") long notOurs,
                        @Schema(description = "Recurring: the customer had a case of this cause opened in the 90 days before.") long recurring) {

        /** "+3", "−2" or "=" against the period before, for the page. */
        public String trend() {
            long change = cases - previous;
            return change == 0 ? "=" : change > 0 ? "+" + change : "−" + (-change);
        }
    }

    @Schema(name = "Causes", description = "The root causes of a period's cases, most frequent first.")
    public record Report(@Schema(description = "The period whose openings are counted.") Period period,
                         @Schema(description = "Only this team's cases; none for all.") @Nullable Long team,
                         @Schema(description = "Cases opened in the period.") long cases,
                         @Schema(description = "Of them, with no cause found yet.") long withoutCause,
                         @Schema(description = "Of those with a cause, recurring ones.") long recurring,
                         @Schema(description = "Per cause, most frequent first.") List<Cause> causes,
                         @Schema(description = "When the facts were last refreshed.") @Nullable Instant asOf) {}

    private final JdbcClient jdbc;
    private final DailyFigures daily;
    private final ZoneId zone;

    Causes(JdbcClient jdbc, DailyFigures daily, ZoneId businessZone) {
        this.jdbc = jdbc;
        this.daily = daily;
        this.zone = businessZone;
    }

    private record Row(String code, String label, long cases, long ours, long partly, long notOurs, long recurring) {}

    // The period's causes, most frequent first; the previous period's cases per cause; and all the period's cases.
    private record Counted(List<Row> rows, Map<String, Long> previous, long all) {}

    public Report of(Period period, @Nullable Long teamId) {
        Counted counted = daily.upToDate() ? fromDaily(period, teamId) : fromFacts(period, teamId);
        List<Row> rows = counted.rows();
        Map<String, Long> previous = counted.previous();
        long all = counted.all();
        long withCause = rows.stream().mapToLong(Row::cases).sum();
        List<Cause> causes = new ArrayList<>();
        long running = 0;
        for (Row row : rows) {
            running += row.cases();
            causes.add(new Cause(row.code(), row.label(), row.cases(), share(row.cases(), withCause), share(running, withCause),
                previous.getOrDefault(row.code(), 0L), row.ours(), row.partly(), row.notOurs(), row.recurring()));
        }
        return new Report(period, teamId, all, all - withCause, rows.stream().mapToLong(Row::recurring).sum(), causes,
            RecoverySummary.asOf(jdbc));
    }

    // From the daily figures once they are counted (ADR 16).
    private Counted fromDaily(Period period, @Nullable Long teamId) {
        Map<String, String> labels = new HashMap<>();
        jdbc.sql("select code, label from taxonomy_entries where kind = 'root-cause'")
            .query(rs -> {
                labels.put(rs.getString("code"), rs.getString("label"));
            });
        List<Row> rows = daily.causes(period, teamId).entrySet().stream()
            .filter(e -> e.getValue().opened > 0)
            .map(e -> new Row(e.getKey(), labels.getOrDefault(e.getKey(), e.getKey()), e.getValue().opened, e.getValue().ours,
                e.getValue().partlyOurs, e.getValue().notOurs, e.getValue().recurring))
            .sorted(java.util.Comparator.comparingLong((Row row) -> -row.cases()).thenComparing(Row::code))
            .toList();
        Map<String, Long> previous = new HashMap<>();
        daily.causes(period.previous(), teamId).forEach((cause, tally) -> previous.put(cause, tally.opened));
        long all = daily.read(period, teamId, null).values().stream().mapToLong(tally -> tally.opened).sum();
        return new Counted(rows, previous, all);
    }

    // From the facts: every case of the period.
    private Counted fromFacts(Period period, @Nullable Long teamId) {
        String team = RecoverySummary.onTeam(teamId);
        Map<String, Object> params = period.bounds(zone);
        params.put("previousStart", Timestamp.from(period.previous().start(zone)));
        List<Row> rows = jdbc.sql("select f.root_cause, coalesce(max(t.label), f.root_cause) label, count(*) cases,"
                + " count(case when f.responsibility = 'OURS' then 1 end) ours,"
                + " count(case when f.responsibility = 'PARTLY_OURS' then 1 end) partly,"
                + " count(case when f.responsibility = 'NOT_OURS' then 1 end) not_ours,"
                + " count(case when f.recurring then 1 end) recurring"
                + " from insight_case_facts f"
                + " left join taxonomy_entries t on t.kind = 'root-cause' and t.code = f.root_cause"
                + " where f.root_cause is not null and f.opened_at >= :start and f.opened_at < :end" + team
                + " group by f.root_cause order by cases desc, f.root_cause")
            .params(params)
            .query((rs, n) -> new Row(rs.getString("root_cause"), rs.getString("label"), rs.getLong("cases"), rs.getLong("ours"),
                rs.getLong("partly"), rs.getLong("not_ours"), rs.getLong("recurring")))
            .list();
        Map<String, Long> previous = new HashMap<>();
        jdbc.sql("select f.root_cause, count(*) cases from insight_case_facts f where f.root_cause is not null"
                + " and f.opened_at >= :previousStart and f.opened_at < :start" + team + " group by f.root_cause")
            .params(params).query(rs -> {
                previous.put(rs.getString("root_cause"), rs.getLong("cases"));
            });
        long all = jdbc.sql("select count(*) from insight_case_facts f where f.opened_at >= :start and f.opened_at < :end" + team)
            .params(params).query(Long.class).single();
        return new Counted(rows, previous, all);
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : Math.round(1000.0 * part / whole) / 10.0;
    }
}
