package org.redress.insights;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
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
 * from the case facts (whether the customer confirmed it) and the quality reviews, the latest
 * ones' words from the survey tables; agents' names from {@code users}.
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

    // A case closed as recovered in the period whose customer said so in the recovery survey (the
    // facts' confirmed, kept by the refresh), or whose handling a reviewer scored high
    // (calibration scores do not count).
    private static final String WON = " from insight_case_facts f"
        + " where f.outcome = 'RECOVERED' and f.closed_at >= :start and f.closed_at < :end"
        + " and (f.confirmed or exists (select 1 from quality_reviews q where q.case_id = f.case_id and q.calibration_id is null"
        + " and q.score >= " + HIGH_REVIEW_SCORE + "))";

    private final JdbcClient jdbc;
    private final ZoneId zone;

    Wins(JdbcClient jdbc, ZoneId businessZone) {
        this.jdbc = jdbc;
        this.zone = businessZone;
    }

    public Report of(Period period, @Nullable Long teamId) {
        Map<String, Object> params = period.bounds(zone);
        String won = WON + RecoverySummary.onTeam(teamId);
        // One pass: the wins per agent and team together, added up below per agent and per team.
        Map<String, Long> perAgent = new HashMap<>();
        Map<String, Long> perTeam = new HashMap<>();
        jdbc.sql("select coalesce(f.assignee_id, -1) agent, coalesce(f.team_id, -1) team, count(*) wins" + won
                + " group by coalesce(f.assignee_id, -1), coalesce(f.team_id, -1)")
            .params(params)
            .query(rs -> {
                perAgent.merge(rs.getString("agent"), rs.getLong("wins"), Long::sum);
                perTeam.merge(rs.getString("team"), rs.getLong("wins"), Long::sum);
            });
        Map<Long, String> teams = RecoverySummary.teamNames(jdbc);
        Map<Long, String> agents = RecoverySummary.userNames(jdbc);
        List<Line> byAgent = Ranking.mostFirst(perAgent, Long::longValue, (key, wins) -> key.equals("-1")
            ? new Line("none", "Nobody", wins) : new Line(key, agents.getOrDefault(Long.valueOf(key), "User " + key), wins));
        List<Line> byTeam = Ranking.mostFirst(perTeam, Long::longValue,
            (key, wins) -> new Line(key, RecoverySummary.teamName(key, teams), wins));
        List<Win> latest = latest(won, params, agents, teams);
        return new Report(period, teamId, byTeam.stream().mapToLong(Line::wins).sum(), byAgent, byTeam, latest, RecoverySummary.asOf(jdbc));
    }

    /** One agent's wins among the cases they held, newest first (at most ten), for their training page. */
    public List<Win> ofAgent(long agentId, Period period) {
        Map<String, Object> params = new java.util.HashMap<>(period.bounds(zone));
        params.put("agent", agentId);
        return latest(WON + " and f.assignee_id = :agent", params, RecoverySummary.userNames(jdbc), RecoverySummary.teamNames(jdbc));
    }

    // The latest wins, newest first, then what each one's customer said (or its review's score).
    private List<Win> latest(String won, Map<String, Object> params, Map<Long, String> agents, Map<Long, String> teams) {
        record Case(long id, Instant closedAt, @Nullable Long agent, String teamKey) {}
        List<Case> cases = jdbc.sql("select f.case_id, f.closed_at, f.assignee_id, coalesce(f.team_id, -1) team_key" + won
                + " order by f.closed_at desc, f.case_id desc fetch first " + LATEST + " rows only")
            .params(params)
            .query((rs, n) -> new Case(rs.getLong("case_id"), rs.getTimestamp("closed_at").toInstant(),
                rs.getObject("assignee_id", Long.class), rs.getString("team_key")))
            .list();
        if (cases.isEmpty()) {
            return List.of();
        }
        record Said(@Nullable String kind, @Nullable Integer score, @Nullable String comment) {}
        Map<Long, Said> said = new HashMap<>();
        jdbc.sql("select f.case_id, w.kind, coalesce(w.score, cast(q.review_score as integer)) score, w.comment"
                + " from insight_case_facts f"
                + " left join (select i.case_id, max(s.kind) kind, max(i.score) score, max(i.comment) comment"
                + "   from survey_invitations i join surveys s on s.id = i.survey_id"
                + "   where i.case_id in (:cases) and " + CONFIRMED + " group by i.case_id) w on w.case_id = f.case_id"
                + " left join (select case_id, max(score) review_score from quality_reviews"
                + "   where case_id in (:cases) and calibration_id is null group by case_id) q on q.case_id = f.case_id"
                + " where f.case_id in (:cases)")
            .param("cases", cases.stream().map(Case::id).toList())
            .query(rs -> {
                said.put(rs.getLong("case_id"), new Said(rs.getString("kind"), rs.getObject("score", Integer.class),
                    rs.getString("comment")));
            });
        return cases.stream().map(c -> {
            Said words = said.getOrDefault(c.id(), new Said(null, null, null));
            return new Win(CaseNumber.format(c.id()), c.closedAt(),
                c.agent() == null ? null : agents.getOrDefault(c.agent(), "User " + c.agent()),
                RecoverySummary.teamName(c.teamKey(), teams), words.kind() == null ? "REVIEW" : words.kind(), words.score(),
                words.comment());
        }).toList();
    }
}
