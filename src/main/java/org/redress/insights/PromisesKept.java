package org.redress.insights;

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
 * Whether we keep our word: the promises that fell due in a period (what we told a customer
 * we would do by a date), kept by their date, kept late, broken, or still open past it, in
 * all, per owner (who made it theirs) and per team of the case. Read from the promises the
 * refresh keeps with their case's team ({@link PromiseFacts}).
 */
@Service
@ReportReads
public class PromisesKept {

    @Schema(name = "PromisesKeptLine", description = "The promises due in the period for everyone, one owner or one team.")
    public record Line(@Schema(description = "\"all\", the owner's name, or the team's name (Shared inbox: none).") String name,
                       @Schema(description = "Promises due in the period.") long due,
                       @Schema(description = "Kept by their due time.") long keptOnTime,
                       @Schema(description = "Kept after it.") long keptLate,
                       @Schema(description = "Broken.") long broken,
                       @Schema(description = "Not kept yet (past due if the period is over).") long open,
                       @Schema(description = "Kept on time ÷ due, in per cent; none without any.") @Nullable Double onTimePercent) {}

    @Schema(name = "PromisesKept", description = "Promises due in a period and how they were kept.")
    public record Report(@Schema(description = "The period whose due dates are counted.") Period period,
                         @Schema(description = "Only this team's cases; none for all.") @Nullable Long team,
                         @Schema(description = "All of them.") Line total,
                         @Schema(description = "Per owner, most promises first.") List<Line> byOwner,
                         @Schema(description = "Per team of the case, most promises first.") List<Line> byTeam,
                         @Schema(description = "When the facts (the promises and their cases' teams) were last refreshed.") @Nullable Instant asOf) {}

    private final JdbcClient jdbc;
    private final ZoneId zone;

    PromisesKept(JdbcClient jdbc, ZoneId businessZone) {
        this.jdbc = jdbc;
        this.zone = businessZone;
    }

    public Report of(Period period, @Nullable Long teamId) {
        // One pass: the promises per team and owner together, added up below in all, per owner and per team.
        Map<String, Tally> perOwner = new HashMap<>();
        Map<String, Tally> perTeam = new HashMap<>();
        Tally total = new Tally();
        jdbc.sql("select cast(coalesce(f.team_id, -1) as varchar(40)) team, f.owner_name, count(*) due,"
                + " count(case when f.on_time then 1 end) on_time,"
                + " count(case when f.status = 'KEPT' and not f.on_time then 1 end) late,"
                + " count(case when f.status = 'BROKEN' then 1 end) broken,"
                + " count(case when f.status = 'OPEN' then 1 end) still_open"
                + " from insight_promise_facts f"
                + " where f.due_at >= :start and f.due_at < :end" + RecoverySummary.onTeam(teamId)
                + " group by coalesce(f.team_id, -1), f.owner_name")
            .params(period.bounds(zone))
            .query(rs -> {
                for (Tally tally : List.of(total, perOwner.computeIfAbsent(rs.getString("owner_name"), name -> new Tally()),
                        perTeam.computeIfAbsent(rs.getString("team"), team -> new Tally()))) {
                    tally.add(rs.getLong("due"), rs.getLong("on_time"), rs.getLong("late"), rs.getLong("broken"),
                        rs.getLong("still_open"));
                }
            });
        Map<Long, String> teams = RecoverySummary.teamNames(jdbc);
        return new Report(period, teamId, total.line("all"),
            Ranking.mostFirst(perOwner, tally -> tally.due, (owner, tally) -> tally.line(owner)),
            Ranking.mostFirst(perTeam, tally -> tally.due, (team, tally) -> tally.line(RecoverySummary.teamName(team, teams))),
            RecoverySummary.asOf(jdbc));
    }

    // Promises due, as counted for one line.
    private static final class Tally {
        long due;
        long onTime;
        long late;
        long broken;
        long open;

        void add(long due, long onTime, long late, long broken, long open) {
            this.due += due;
            this.onTime += onTime;
            this.late += late;
            this.broken += broken;
            this.open += open;
        }

        Line line(String name) {
            return new Line(name, due, onTime, late, broken, open, due == 0 ? null : Math.round(1000.0 * onTime / due) / 10.0);
        }
    }
}
