package org.redress.insights;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.redress.cases.CaseNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.redress.platform.ReportReads;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The wins to celebrate: cases closed as recovered in the period whose customer then said so
 * in the recovery survey (4–5 of 5, 9–10 of 10, or words the survey did not find negative), or
 * whose handling a quality review scored {@value #HIGH_REVIEW_SCORE}% or more, per
 * agent who held the case, per team, and the latest ones with the customer's own words. Read
 * from the survey tables joined to the case facts; agents' names from {@code users}.
 */
@Service
@ReportReads
public class Wins {

    private static final int LATEST = 10;

    @Schema(name = "WinsLine", description = "Wins of one agent or one team.")
    public record Line(@Schema(description = "The user's or team's id, as the drill-down filters on it (`none`: nobody, `-1`: "
                           + "the shared inbox).") String key,
                       @Schema(description = "The agent's or team's name (Shared inbox, Nobody: none).") String name,
                       @Schema(description = "Their wins in the period.") long wins) {}

    @Schema(name = "Win", description = "One recovered case whose customer said so.")
    public record Win(@Schema(description = "The case's number.") String caseNumber,
                      @Schema(description = "When it closed.") Instant closedAt,
                      @Schema(description = "Who held it (none: nobody).") @Nullable String agent,
                      @Schema(description = "Its team.") String team,
                      @Schema(description = "CSAT, NPS or TEXT (the customer said so), or REVIEW (a high review score).") String kind,
                      @Schema(description = "The score given (the review's, for REVIEW); none for words only.") @Nullable Integer score,
                      @Schema(description = "What the customer wrote, if anything.") @Nullable String comment) {}

    @Schema(name = "Wins", description = "Recoveries the customer confirmed: the wins of the period.")
    public record Report(@Schema(description = "The period whose closes are counted.") Period period,
                         @Schema(description = "Only this team's cases; none for all.") @Nullable Long team,
                         @Schema(description = "Wins in all.") long total,
                         @Schema(description = "Per agent, most first.") List<Line> byAgent,
                         @Schema(description = "Per team, most first.") List<Line> byTeam,
                         @Schema(description = "The latest ten, newest first.") List<Win> latest,
                         @Schema(description = "When the facts were last refreshed.") @Nullable Instant asOf) {}

    /** The customer said the recovery worked: a recovery survey's answer (invitation {@code i}, survey {@code s}) that is positive. */
    static final String CONFIRMED = "s.purpose = 'RECOVERY' and i.answered_at is not null and (" + Satisfaction.SATISFIED
        + " or (s.kind = 'TEXT' and i.negative = false))";

    /** A quality review at or above this score makes a recovered case a win, as a customer's yes does. */
    public static final int HIGH_REVIEW_SCORE = 90;

    // A case closed as recovered in the period whose customer said so in the recovery survey (w),
    // or whose handling a reviewer scored high (q; calibration scores do not count).
    private static final String WON = " from insight_case_facts f"
        + " left join (select i.case_id, max(s.kind) kind, max(i.score) score, max(i.comment) comment from survey_invitations i"
        + " join surveys s on s.id = i.survey_id where " + CONFIRMED + " group by i.case_id) w on w.case_id = f.case_id"
        + " left join (select case_id, max(score) review_score from quality_reviews where calibration_id is null group by case_id) q"
        + " on q.case_id = f.case_id"
        + " where f.outcome = 'RECOVERED' and f.closed_at >= :start and f.closed_at < :end"
        + " and (w.case_id is not null or q.review_score >= " + HIGH_REVIEW_SCORE + ")";

    private final JdbcClient jdbc;
    private final ZoneId zone;

    Wins(JdbcClient jdbc, ZoneId businessZone) {
        this.jdbc = jdbc;
        this.zone = businessZone;
    }

    public Report of(Period period, @Nullable Long teamId) {
        Map<String, Object> params = period.bounds(zone);
        String won = WON + RecoverySummary.onTeam(teamId);
        Map<Long, String> teams = RecoverySummary.teamNames(jdbc);
        Map<Long, String> agents = RecoverySummary.userNames(jdbc);
        List<Line> byAgent = lines("coalesce(f.assignee_id, -1)", won, params).stream()
            .map(line -> line.key().equals("-1") ? new Line("none", "Nobody", line.wins())
                : new Line(line.key(), agents.getOrDefault(Long.valueOf(line.key()), "User " + line.key()), line.wins()))
            .toList();
        List<Line> byTeam = lines("coalesce(f.team_id, -1)", won, params).stream()
            .map(line -> new Line(line.key(), RecoverySummary.teamName(line.key(), teams), line.wins())).toList();
        List<Win> latest = latest(won, params, agents, teams);
        return new Report(period, teamId, byTeam.stream().mapToLong(Line::wins).sum(), byAgent, byTeam, latest, RecoverySummary.asOf(jdbc));
    }

    /** One agent's wins among the cases they held, newest first (at most ten), for their training page. */
    public List<Win> ofAgent(long agentId, Period period) {
        Map<String, Object> params = new java.util.HashMap<>(period.bounds(zone));
        params.put("agent", agentId);
        return latest(WON + " and f.assignee_id = :agent", params, RecoverySummary.userNames(jdbc), RecoverySummary.teamNames(jdbc));
    }

    private List<Win> latest(String won, Map<String, Object> params, Map<Long, String> agents, Map<Long, String> teams) {
        return jdbc.sql("select f.case_id, f.closed_at, f.assignee_id, coalesce(f.team_id, -1) team_key,"
                + " coalesce(w.kind, 'REVIEW') kind, coalesce(w.score, cast(q.review_score as integer)) score, w.comment"
                + won + " order by f.closed_at desc, f.case_id desc fetch first " + LATEST + " rows only")
            .params(params)
            .query((rs, n) -> {
                Long agent = rs.getObject("assignee_id", Long.class);
                return new Win(CaseNumber.format(rs.getLong("case_id")), rs.getTimestamp("closed_at").toInstant(),
                    agent == null ? null : agents.getOrDefault(agent, "User " + agent),
                    RecoverySummary.teamName(rs.getString("team_key"), teams), rs.getString("kind"),
                    rs.getObject("score", Integer.class), rs.getString("comment"));
            })
            .list();
    }

    private List<Line> lines(String key, String won, Map<String, Object> params) {
        return jdbc.sql("select cast(" + key + " as varchar(40)) grp, count(distinct f.case_id) wins" + won
                + " group by " + key + " order by count(distinct f.case_id) desc, grp")
            .params(params)
            .query((rs, n) -> new Line(rs.getString("grp"), rs.getString("grp"), rs.getLong("wins")))
            .list();
    }
}
