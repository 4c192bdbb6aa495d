package org.redress.surveys;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.redress.cases.CaseNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.swagger.v3.oas.annotations.media.Schema;

/** What a survey has heard: response, scores, NPS, and the cases it opened. */
@Service
@Transactional(readOnly = true)
class SurveyResults {

    @Schema(name = "SurveyResults", description = "A survey's figures since it was created.")
    record Results(
        @Schema(description = "Invitations sent.") long invited,
        @Schema(description = "Answers received.") long answered,
        @Schema(description = "Answers per invitation, in %.") double responseRate,
        @Schema(description = "Mean score, if scored.") @Nullable Double averageScore,
        @Schema(description = "Net promoter score (% of 9-10 minus % of 0-6), for NPS surveys.") @Nullable Double nps,
        @Schema(description = "Answers at or below the case threshold.") long low,
        @Schema(description = "Answers with a clearly negative comment.") long negative,
        @Schema(description = "Recovery cases the answers opened.") long casesOpened) {}

    @Schema(name = "SurveyAnswer", description = "One customer's answer.")
    record Answer(
        @Schema(description = "Invitation id.") long id,
        @Schema(description = "The customer's id.") long customerId,
        @Schema(description = "The customer's name, email or reference.") String customer,
        @Schema(description = "Score, if scored.") @Nullable Integer score,
        @Schema(description = "Their words.") @Nullable String comment,
        @Schema(description = "Whether the comment reads as clearly negative.") boolean negative,
        @Schema(description = "When they answered.") Instant answeredAt,
        @Schema(description = "The case the recovery survey measured, if any.") @Nullable Long caseId,
        @Schema(description = "The case the answer opened, if any.") @Nullable Long openedCaseId) {

        /** The number of the case the answer opened or measured, e.g. RC-000123. */
        public @Nullable String caseNumber() {
            Long id = openedCaseId != null ? openedCaseId : caseId;
            return id == null ? null : CaseNumber.format(id);
        }
    }

    private final JdbcClient jdbc;

    SurveyResults(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Results of(Survey survey) {
        return jdbc.sql("""
                select count(*) invited, count(answered_at) answered, avg(cast(score as double precision)) average,
                       sum(case when score >= 9 then 1 else 0 end) promoters, sum(case when score <= 6 then 1 else 0 end) detractors,
                       sum(case when score <= ? then 1 else 0 end) low, sum(case when negative then 1 else 0 end) negative,
                       count(opened_case_id) opened
                from survey_invitations where survey_id = ?""")
            .params(survey.caseThreshold() == null ? Integer.MIN_VALUE : survey.caseThreshold(), survey.id())
            .query((rs, n) -> {
                long invited = rs.getLong("invited");
                long answered = rs.getLong("answered");
                long scoredAnswers = survey.kind().scored() ? answered : 0;
                Double average = survey.kind().scored() && answered > 0 ? round(rs.getDouble("average")) : null;
                Double nps = survey.kind() == SurveyKind.NPS && scoredAnswers > 0
                    ? round(100.0 * (rs.getLong("promoters") - rs.getLong("detractors")) / scoredAnswers) : null;
                return new Results(invited, answered, invited == 0 ? 0 : round(100.0 * answered / invited), average, nps,
                    rs.getLong("low"), rs.getLong("negative"), rs.getLong("opened"));
            })
            .single();
    }

    /** Answers, newest first, before the given invitation id (keyset pagination). */
    List<Answer> answers(long surveyId, @Nullable Long beforeId, int limit) {
        return jdbc.sql("""
                select i.id, i.customer_id, coalesce(c.name, c.email, c.external_ref) customer, i.score, i.comment,
                       coalesce(i.negative, false) negative, i.answered_at, i.case_id, i.opened_case_id
                from survey_invitations i join customers c on c.id = i.customer_id
                where i.survey_id = ? and i.answered_at is not null and i.id < ?
                order by i.id desc limit ?""")
            .params(surveyId, beforeId == null ? Long.MAX_VALUE : beforeId, limit)
            .query((rs, n) -> new Answer(rs.getLong("id"), rs.getLong("customer_id"), rs.getString("customer"),
                rs.getObject("score", Integer.class), rs.getString("comment"), rs.getBoolean("negative"),
                rs.getTimestamp("answered_at").toInstant(), rs.getObject("case_id", Long.class),
                rs.getObject("opened_case_id", Long.class)))
            .list();
    }

    /** A case's latest recovery survey, for the case page. */
    record CaseSurvey(Instant sentAt, @Nullable Instant answeredAt, @Nullable Integer score, int scaleMax,
                      @Nullable String comment) {}

    @Nullable CaseSurvey latestOfCase(long caseId) {
        return jdbc.sql("""
                select i.sent_at, i.answered_at, i.score, i.comment, s.kind
                from survey_invitations i join surveys s on s.id = i.survey_id
                where i.case_id = ? order by i.id desc limit 1""")
            .param(caseId)
            .query((rs, n) -> new CaseSurvey(rs.getTimestamp("sent_at").toInstant(),
                rs.getTimestamp("answered_at") == null ? null : rs.getTimestamp("answered_at").toInstant(),
                rs.getObject("score", Integer.class), SurveyKind.valueOf(rs.getString("kind")).max(), rs.getString("comment")))
            .optional().orElse(null);
    }

    /** Satisfaction after recovery: the mean CSAT of answered recovery surveys. */
    @Nullable Double satisfactionAfterRecovery() {
        return jdbc.sql("""
                select avg(cast(i.score as double precision)) from survey_invitations i join surveys s on s.id = i.survey_id
                where s.purpose = 'RECOVERY' and s.kind = 'CSAT' and i.score is not null""")
            .query(Double.class).optional().map(SurveyResults::round).orElse(null);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
