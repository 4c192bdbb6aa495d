package org.redress.insights;

import java.time.Instant;
import java.time.ZoneId;
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
 * all, per owner (who made it theirs) and per team of the case. Read from the promises
 * module's table by its documented columns, with the case's team from the case facts.
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
                         @Schema(description = "When the facts (the cases' teams) were last refreshed.") @Nullable Instant asOf) {}

    private final JdbcClient jdbc;
    private final ZoneId zone;

    PromisesKept(JdbcClient jdbc, ZoneId businessZone) {
        this.jdbc = jdbc;
        this.zone = businessZone;
    }

    public Report of(Period period, @Nullable Long teamId) {
        Map<String, Object> params = period.bounds(zone);
        String due = " from promises p left join insight_case_facts f on f.case_id = p.case_id"
            + " where p.due_at >= :start and p.due_at < :end" + RecoverySummary.onTeam(teamId);
        Line total = lines("'all'", due, params).stream().findFirst().orElse(new Line("all", 0, 0, 0, 0, 0, null));
        Map<Long, String> teams = RecoverySummary.teamNames(jdbc);
        List<Line> byTeam = lines("coalesce(f.team_id, -1)", due, params).stream()
            .map(line -> new Line(RecoverySummary.teamName(line.name(), teams), line.due(), line.keptOnTime(),
                line.keptLate(), line.broken(), line.open(), line.onTimePercent()))
            .toList();
        return new Report(period, teamId, total, lines("p.owner_name", due, params), byTeam, RecoverySummary.asOf(jdbc));
    }

    private List<Line> lines(String key, String due, Map<String, Object> params) {
        return jdbc.sql("select grp, count(*) due,"
                + " count(case when status = 'KEPT' and settled_at <= due_at then 1 end) on_time,"
                + " count(case when status = 'KEPT' and settled_at > due_at then 1 end) late,"
                + " count(case when status = 'BROKEN' then 1 end) broken,"
                + " count(case when status = 'OPEN' then 1 end) still_open"
                + " from (select cast(" + key + " as varchar(200)) grp, p.status, p.settled_at, p.due_at" + due + ") promised"
                + " group by grp order by count(*) desc, grp")
            .params(params)
            .query((rs, n) -> {
                long count = rs.getLong("due");
                long onTime = rs.getLong("on_time");
                return new Line(rs.getString("grp"), count, onTime, rs.getLong("late"), rs.getLong("broken"),
                    rs.getLong("still_open"), count == 0 ? null : Math.round(1000.0 * onTime / count) / 10.0);
            })
            .list();
    }
}
