package org.redress.insights;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.redress.platform.ReportReads;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * How fast cases were answered, agreed and delivered, and how they ended, over a period and
 * the one before it, for the whole business or a team, and per team. Read from the facts
 * ({@link CaseFacts}), so as fresh as their last refresh.
 */
@Service
@ReportReads
public class RecoverySummary {

    @Schema(name = "Duration", description = "How long it took, over the cases that got there: median and 90th percentile.")
    public record Took(@Schema(description = "Cases that got there.") long cases,
                       @Schema(description = "Median, in minutes.") @Nullable Double medianMinutes,
                       @Schema(description = "90th percentile, in minutes.") @Nullable Double p90Minutes) {

        /** "42 min", "3.5 h", "2.1 days" or "—", for the page. */
        public String shown(@Nullable Double minutes) {
            return inWords(minutes);
        }

        /** "42 min", "3.5 h", "2.1 days" or "—", for the page and the weekly digest. */
        public static String inWords(@Nullable Double minutes) {
            if (minutes == null) {
                return "—";
            }
            if (minutes < 90) {
                return Math.round(minutes) + " min";
            }
            return minutes < 48 * 60 ? Math.round(minutes / 6.0) / 10.0 + " h" : Math.round(minutes / 144.0) / 10.0 + " days";
        }
    }

    @Schema(name = "TargetCompliance", description = "How a time target's clocks ended, of the cases opened in the period.")
    public record Compliance(@Schema(description = "Met by the due time.") long onTime,
                             @Schema(description = "Missed (met after the due time, or not met by it).") long late,
                             @Schema(description = "On time ÷ (on time + late), in per cent; none without either.") @Nullable Double percent) {}

    @Schema(name = "PromiseKeeping", description = "The promises of the cases opened in the period.")
    public record Promises(@Schema(description = "Kept by their due time.") long keptOnTime,
                           @Schema(description = "Kept after it.") long keptLate,
                           @Schema(description = "Broken.") long broken,
                           @Schema(description = "Kept on time ÷ all settled, in per cent; none without any.") @Nullable Double keptOnTimePercent) {}

    @Schema(name = "RecoveryFigures", description = "One period's figures.")
    public record Figures(@Schema(description = "Cases opened in the period.") long opened,
                          @Schema(description = "From opening to the first answer (Acknowledge), of the cases opened in the period.") Took toAcknowledge,
                          @Schema(description = "From opening to an agreed resolution (Resolve).") Took toAgree,
                          @Schema(description = "From opening to delivery (Fulfil).") Took toFulfil,
                          @Schema(description = "Cases closed in the period.") long closed,
                          @Schema(description = "Of those, closed as recovered.") long recovered,
                          @Schema(description = "Of those, closed as not recovered.") long notRecovered,
                          @Schema(description = "Recovered ÷ (recovered + not recovered), in per cent; none without either. "
                              + "Duplicates, spam and not-a-complaint closes are left out.") @Nullable Double recoveryRate,
                          @Schema(description = "The acknowledge target.") Compliance acknowledgeTarget,
                          @Schema(description = "The resolve target.") Compliance resolveTarget,
                          @Schema(description = "The fulfil target.") Compliance fulfilTarget,
                          @Schema(description = "Their promises.") Promises promises,
                          @Schema(description = "Of the cases closed in the period, those reopened after an earlier close.") long reopened,
                          @Schema(description = "Reopened ÷ closed, in per cent; none without closes.") @Nullable Double reopenRate) {

        Figures closing(long closed, long recovered, long notRecovered, long reopened) {
            return new Figures(opened, toAcknowledge, toAgree, toFulfil, closed, recovered, notRecovered,
                recovered + notRecovered == 0 ? null : percent(recovered, recovered + notRecovered),
                acknowledgeTarget, resolveTarget, fulfilTarget, promises, reopened, closed == 0 ? null : percent(reopened, closed));
        }
    }

    @Schema(name = "FiguresPart", description = "The period's figures for one team, agent, category, channel, severity or tier.")
    public record Part(@Schema(description = "What the drill-down filter takes for it: a team's or user's id (`-1`: the shared "
                           + "inbox, `none`: nobody), a category's or channel's code, a severity, a tier.") String key,
                       @Schema(description = "Its name.") String name,
                       @Schema(description = "Its figures.") Figures figures) {}

    @Schema(name = "RecoverySummary", description = "A period's figures, the previous period's for the trend, the open "
        + "backlog now, and the figures broken down by team, agent, category, channel, severity or customer tier.")
    public record Summary(@Schema(description = "The period asked for.") Period period,
                          @Schema(description = "As many days just before it.") Period previousPeriod,
                          @Schema(description = "The period's figures.") Figures figures,
                          @Schema(description = "The previous period's figures, for the trend.") Figures previous,
                          @Schema(description = "Cases open now.") long openNow,
                          @Schema(description = "Days the oldest open case has been open.") @Nullable Long oldestOpenDays,
                          @Schema(description = "What the breakdown is by: team, agent, category, channel, severity or tier.") Breakdown by,
                          @Schema(description = "The period's figures for each team (agent, …) that opened or closed a case in it, by name.")
                          List<Part> breakdown,
                          @Schema(description = "When the facts were last refreshed; figures are as fresh as that.") @Nullable Instant asOf) {}

    private final JdbcClient jdbc;
    private final DailyFigures daily;
    private final ZoneId zone;
    private final Clock clock;

    RecoverySummary(JdbcClient jdbc, DailyFigures daily, ZoneId businessZone, Clock clock) {
        this.jdbc = jdbc;
        this.daily = daily;
        this.zone = businessZone;
        this.clock = clock;
    }

    public Summary of(Period period, @Nullable Long teamId) {
        return of(period, teamId, Breakdown.TEAM);
    }

    public Summary of(Period period, @Nullable Long teamId, Breakdown by) {
        String team = teamId == null ? "" : " and team_id = " + teamId;
        Instant now = clock.instant();
        record Backlog(long open, @Nullable Timestamp oldest) {}
        Backlog backlog = jdbc.sql("select count(*) open_cases, min(opened_at) oldest from insight_case_facts where closed_at is null" + team)
            .query((rs, n) -> new Backlog(rs.getLong("open_cases"), rs.getTimestamp("oldest"))).single();
        boolean counted = daily.upToDate();
        Read read = read(period, teamId, by, counted);
        Map<String, String> names = names(by);
        List<Part> breakdown = read.lines().entrySet().stream()
            .map(e -> new Part(e.getKey(), names.getOrDefault(e.getKey(), e.getKey()), e.getValue()))
            .sorted(by == Breakdown.SEVERITY ? java.util.Comparator.comparing(Part::key) : java.util.Comparator.comparing(Part::name))
            .toList();
        return new Summary(period, period.previous(), read.total(), read(period.previous(), teamId, null, counted).total(),
            backlog.open(), backlog.oldest() == null ? null : Duration.between(backlog.oldest().toInstant(), now).toDays(),
            by, breakdown, asOf(jdbc));
    }

    /** Every team's name by its id. */
    static Map<Long, String> teamNames(JdbcClient jdbc) {
        Map<Long, String> names = new HashMap<>();
        jdbc.sql("select id, name from teams").query((rs, n) -> names.put(rs.getLong("id"), rs.getString("name"))).list();
        return names;
    }

    /** Every user's name by their id (people who held a case or asked for a remedy). */
    static Map<Long, String> userNames(JdbcClient jdbc) {
        Map<Long, String> names = new HashMap<>();
        jdbc.sql("select id, name from users").query((rs, n) -> names.put(rs.getLong("id"), rs.getString("name"))).list();
        return names;
    }

    /** The condition on the case facts (alias {@code f}) for one team's cases; none for all. */
    static String onTeam(@Nullable Long teamId) {
        return teamId == null ? "" : " and f.team_id = " + teamId;
    }

    /** A report line's team, grouped as {@code coalesce(f.team_id, -1)}: its name, or the shared inbox. */
    static String teamName(String grouped, Map<Long, String> names) {
        return grouped.equals("-1") ? "Shared inbox" : names.getOrDefault(Long.valueOf(grouped), "Team " + grouped);
    }

    /** When the refresh last ran (none before its first run): the figures are as fresh as that. */
    static @Nullable Instant asOf(JdbcClient jdbc) {
        return jdbc.sql("select refreshed_at from insight_refresh where id = 1")
            .query((rs, n) -> java.util.Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant)).single().orElse(null);
    }

    // A period's figures, and its lines when broken down (by), for one team or all.
    private record Read(Figures total, Map<String, Figures> lines) {}

    // From the daily figures once they are counted (the breakdown's lines for the days, which
    // add up to the whole); from the case facts until then (every case of the period, sorted
    // for the percentiles).
    private Read read(Period period, @Nullable Long teamId, @Nullable Breakdown by, boolean counted) {
        if (!counted) {
            String team = teamId == null ? "" : " and team_id = " + teamId;
            return new Read(fromFacts(period, team, null).getOrDefault(ALL, EMPTY), by == null ? Map.of() : fromFacts(period, team, by));
        }
        Map<String, DailyFigures.Tally> tallies = daily.read(period, teamId, by);
        Map<String, Figures> lines = new HashMap<>();
        tallies.forEach((line, tally) -> lines.put(line, figures(tally)));
        return new Read(tallies.isEmpty() ? EMPTY : figures(DailyFigures.Tally.sum(tallies.values())), by == null ? Map.of() : lines);
    }

    private static Figures figures(DailyFigures.Tally tally) {
        return new Figures(tally.opened, took(tally.toAcknowledge), took(tally.toAgree), took(tally.toFulfil), 0, 0, 0, null,
            compliance(tally.acknowledgeOnTime, tally.acknowledgeLate), compliance(tally.resolveOnTime, tally.resolveLate),
            compliance(tally.fulfilOnTime, tally.fulfilLate), promises(tally.promisesOnTime, tally.promisesLate, tally.promisesBroken),
            0, null).closing(tally.closed, tally.recovered, tally.notRecovered, tally.reopened);
    }

    private static Took took(DurationHistogram durations) {
        Double median = durations.percentile(0.5);
        Double p90 = durations.percentile(0.9);
        return new Took(durations.count(), median == null ? null : minutes(median), p90 == null ? null : minutes(p90));
    }

    private static final String ALL = DailyFigures.ALL;
    private static final Took NONE = new Took(0, null, null);
    private static final Compliance NO_CLOCKS = new Compliance(0, 0, null);
    private static final Figures EMPTY = new Figures(0, NONE, NONE, NONE, 0, 0, 0, null, NO_CLOCKS, NO_CLOCKS, NO_CLOCKS,
        new Promises(0, 0, 0, null), 0, null);

    // The period's figures, for everything the condition keeps or (by) per team, agent, …: two
    // statements however many lines there are.
    private Map<String, Figures> fromFacts(Period period, String team, @Nullable Breakdown by) {
        Timestamp start = Timestamp.from(period.start(zone));
        Timestamp end = Timestamp.from(period.end(zone));
        String key = by == null ? "'" + ALL + "'" : by.key();
        String groupBy = by == null ? "" : " group by " + key;
        Map<String, Figures> speed = new HashMap<>();
        jdbc.sql("select " + key + " part, count(*) opened, " + took("seconds_to_acknowledge", "ack") + ", "
                + took("seconds_to_agree", "agree") + ", " + took("seconds_to_fulfil", "fulfil") + ", "
                + compliance("acknowledge_sla") + ", " + compliance("resolve_sla") + ", " + compliance("fulfil_sla") + ","
                + " sum(promises_on_time) promises_on_time, sum(promises_late) promises_late, sum(promises_broken) promises_broken"
                + " from insight_case_facts where opened_at >= ? and opened_at < ?" + team + groupBy)
            .params(start, end)
            .query((rs, n) -> speed.put(rs.getString("part"),
                new Figures(rs.getLong("opened"), took(rs, "ack"), took(rs, "agree"), took(rs, "fulfil"), 0, 0, 0, null,
                    compliance(rs, "acknowledge_sla"), compliance(rs, "resolve_sla"), compliance(rs, "fulfil_sla"),
                    promises(rs.getLong("promises_on_time"), rs.getLong("promises_late"), rs.getLong("promises_broken")), 0, null)))
            .list();
        Map<String, Figures> figures = new HashMap<>(speed);
        jdbc.sql("select " + key + " part, count(*) closed, count(case when outcome = 'RECOVERED' then 1 end) recovered,"
                + " count(case when outcome = 'NOT_RECOVERED' then 1 end) not_recovered, count(case when reopened > 0 then 1 end) reopened"
                + " from insight_case_facts where closed_at >= ? and closed_at < ?" + team + groupBy)
            .params(start, end)
            .query((rs, n) -> figures.put(rs.getString("part"), speed.getOrDefault(rs.getString("part"), EMPTY)
                .closing(rs.getLong("closed"), rs.getLong("recovered"), rs.getLong("not_recovered"), rs.getLong("reopened"))))
            .list();
        return figures;
    }

    // The names a breakdown's keys are shown by.
    private Map<String, String> names(Breakdown by) {
        Map<String, String> names = new HashMap<>();
        switch (by) {
            case TEAM -> {
                teamNames(jdbc).forEach((id, name) -> names.put(String.valueOf(id), name));
                names.put("-1", "Shared inbox");
            }
            case AGENT -> {
                userNames(jdbc).forEach((id, name) -> names.put(String.valueOf(id), name));
                names.put("none", "Nobody");
            }
            case CATEGORY -> jdbc.sql("select code, label from taxonomy_entries where kind = 'category'")
                .query((rs, n) -> names.put(rs.getString("code"), rs.getString("label"))).list();
            case CHANNEL -> java.util.Arrays.stream(org.redress.cases.Channel.values()).forEach(c -> names.put(c.code(), c.label()));
            case SEVERITY -> java.util.stream.IntStream.rangeClosed(1, 4).forEach(level -> names.put(String.valueOf(level), "S" + level));
            case TIER -> names.put("unknown", "No tier");
        }
        return names;
    }

    private static String compliance(String column) {
        return "count(case when " + column + " = 'ON_TIME' then 1 end) " + column + "_on_time, count(case when " + column
            + " = 'LATE' then 1 end) " + column + "_late";
    }

    private static Compliance compliance(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        return compliance(rs.getLong(column + "_on_time"), rs.getLong(column + "_late"));
    }

    private static Compliance compliance(long onTime, long late) {
        return new Compliance(onTime, late, onTime + late == 0 ? null : percent(onTime, onTime + late));
    }

    private static Promises promises(long onTime, long late, long broken) {
        long settled = onTime + late + broken;
        return new Promises(onTime, late, broken, settled == 0 ? null : percent(onTime, settled));
    }

    private static String took(String column, String name) {
        return "count(" + column + ") " + name + "_n, percentile_cont(0.5) within group (order by " + column + ") " + name
            + "_p50, percentile_cont(0.9) within group (order by " + column + ") " + name + "_p90";
    }

    private static Took took(java.sql.ResultSet rs, String name) throws java.sql.SQLException {
        long cases = rs.getLong(name + "_n");
        return new Took(cases, cases == 0 ? null : minutes(rs.getDouble(name + "_p50")), cases == 0 ? null : minutes(rs.getDouble(name + "_p90")));
    }

    private static double minutes(double seconds) {
        return Math.round(seconds / 6.0) / 10.0;
    }

    private static double percent(long part, long whole) {
        return Math.round(1000.0 * part / whole) / 10.0;
    }
}
