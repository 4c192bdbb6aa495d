package org.redress.insights;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.redress.platform.ReportReads;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * How satisfied customers were after their recovery, from the recovery survey (a survey
 * whose purpose is RECOVERY, sent when the resolution was delivered) of the cases closed in a
 * period, for those recovered and those not; and the before/after pairs: customers who had
 * answered an ordinary survey (after business events) of the same scale before their
 * complaint, their last such score beside their recovery score. The pairs are reported as
 * pairs (how many rose, stayed, fell); an average of everyone before against everyone after
 * would mix different customers and could suggest a "recovery paradox" the data does not show.
 * Read from the invitations the refresh keeps with their case's facts ({@link SurveyFacts}).
 */
@Service
@ReportReads
public class Satisfaction {

    // Satisfied: 4 or 5 of 5, a promoter's 9 or 10 of 10. Unhappy: 1 or 2 of 5, a detractor's 0 to 6.
    /** A satisfied answer on its scale (survey {@code s}, invitation {@code i}): 4–5 of 5, 9–10 of 10. */
    static final String SATISFIED = "(s.kind = 'CSAT' and i.score >= 4) or (s.kind = 'NPS' and i.score >= 9)";
    /** An unhappy answer on its scale: 1–2 of 5, a detractor's 0–6 of 10. */
    static final String UNHAPPY = "(s.kind = 'CSAT' and i.score <= 2) or (s.kind = 'NPS' and i.score <= 6)";

    @Schema(name = "SatisfactionScores", description = "The recovery survey's answers for one scale and one outcome.")
    public record Scores(@Schema(description = "CSAT (1–5), NPS (0–10) or TEXT (words only).") String kind,
                         @Schema(description = "RECOVERED or NOT_RECOVERED: how the case was closed.") String outcome,
                         @Schema(description = "Recovery surveys sent for these cases.") long invited,
                         @Schema(description = "Of them, answered.") long answered,
                         @Schema(description = "Average score of the answers; none for words only or without answers.") @Nullable Double average,
                         @Schema(description = "Answers of 4–5 (CSAT) or 9–10 (NPS).") long satisfied,
                         @Schema(description = "Answers of 1–2 (CSAT) or 0–6 (NPS).") long unhappy,
                         @Schema(description = "Satisfied ÷ scored answers, in per cent; none without any.") @Nullable Double satisfiedPercent) {

        /** "Recovered" or "Not recovered", for the page. */
        public String outcomeLabel() {
            return outcome.equals("RECOVERED") ? "Recovered" : "Not recovered";
        }
    }

    @Schema(name = "SatisfactionPairs", description = "Customers with a score before their complaint and one after its recovery, on one scale.")
    public record Pairs(@Schema(description = "CSAT or NPS.") String kind,
                        @Schema(description = "Customers with both scores.") long pairs,
                        @Schema(description = "Their average score before the complaint.") @Nullable Double averageBefore,
                        @Schema(description = "Their average score after the recovery.") @Nullable Double averageAfter,
                        @Schema(description = "Scored higher after.") long higher,
                        @Schema(description = "Scored the same.") long same,
                        @Schema(description = "Scored lower after.") long lower) {}

    @Schema(name = "Satisfaction", description = "Satisfaction after recovery, and before/after pairs of the same customers.")
    public record Report(@Schema(description = "The period whose closes are counted.") Period period,
                         @Schema(description = "Only this team's cases; none for all.") @Nullable Long team,
                         @Schema(description = "Per scale and outcome.") List<Scores> scores,
                         @Schema(description = "Per scale: the same customers before the complaint and after its recovery.") List<Pairs> pairs,
                         @Schema(description = "When the facts were last refreshed.") @Nullable Instant asOf) {}

    private final JdbcClient jdbc;
    private final ZoneId zone;

    Satisfaction(JdbcClient jdbc, ZoneId businessZone) {
        this.jdbc = jdbc;
        this.zone = businessZone;
    }

    public Report of(Period period, @Nullable Long teamId) {
        List<Scores> scores = new ArrayList<>();
        Map<String, long[]> pairs = new TreeMap<>();
        // One pass over the recovery invitations of the period's closes ({@link SurveyFacts}): per
        // scale and outcome, the scores, and the pairs (each scored answer beside the same
        // customer's last ordinary score on the same scale before the case opened), added up per
        // scale below.
        jdbc.sql("select kind, outcome, count(*) invited, count(case when answered then 1 end) answered,"
                + " avg(cast(score as double precision)) average, count(score) scored,"
                + " count(case when satisfied then 1 end) satisfied, count(case when unhappy then 1 end) unhappy,"
                + " count(before_score) pairs, coalesce(sum(before_score), 0) before_sum,"
                + " coalesce(sum(case when before_score is not null then score end), 0) after_sum,"
                + " count(case when score > before_score then 1 end) higher,"
                + " count(case when score = before_score then 1 end) same,"
                + " count(case when score < before_score then 1 end) lower"
                + " from insight_survey_facts f where f.outcome in ('RECOVERED', 'NOT_RECOVERED')"
                + " and f.closed_at >= :start and f.closed_at < :end" + RecoverySummary.onTeam(teamId)
                + " group by kind, outcome order by kind, outcome desc")
            .params(period.bounds(zone))
            .query(rs -> {
                long scored = rs.getLong("scored");
                double average = rs.getDouble("average");
                scores.add(new Scores(rs.getString("kind"), rs.getString("outcome"), rs.getLong("invited"), rs.getLong("answered"),
                    scored == 0 ? null : Math.round(average * 10) / 10.0, rs.getLong("satisfied"), rs.getLong("unhappy"),
                    scored == 0 ? null : Math.round(1000.0 * rs.getLong("satisfied") / scored) / 10.0));
                if (rs.getLong("pairs") > 0) {
                    long[] sums = pairs.computeIfAbsent(rs.getString("kind"), kind -> new long[6]);
                    String[] columns = {"pairs", "before_sum", "after_sum", "higher", "same", "lower"};
                    for (int i = 0; i < columns.length; i++) {
                        sums[i] += rs.getLong(columns[i]);
                    }
                }
            });
        List<Pairs> byKind = pairs.entrySet().stream().map(kind -> {
            long[] sums = kind.getValue();
            return new Pairs(kind.getKey(), sums[0], rounded((double) sums[1] / sums[0]), rounded((double) sums[2] / sums[0]),
                sums[3], sums[4], sums[5]);
        }).toList();
        return new Report(period, teamId, scores, byKind, RecoverySummary.asOf(jdbc));
    }

    private static double rounded(double average) {
        return Math.round(average * 10) / 10.0;
    }
}
