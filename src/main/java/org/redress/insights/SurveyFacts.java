package org.redress.insights;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code insight_survey_facts}: the recovery survey's invitations of the cases the refresh
 * reads, written again with their case (sending and answering one are recorded on the case's
 * timeline, so the case is read again), each with its case's close, outcome and team and the
 * customer's earlier score on the same scale, so that satisfaction after recovery reads one
 * table by the close instead of every invitation ever sent.
 */
@Component
class SurveyFacts {

    /** Each recovery invitation (i, survey s) of the cases {@code :ids}, with its case's facts (f). */
    private static final String SELECT = "select i.id, i.case_id, s.kind,"
        + " case when i.answered_at is not null then true else false end, i.score,"
        + " case when " + Satisfaction.SATISFIED + " then true else false end,"
        + " case when " + Satisfaction.UNHAPPY + " then true else false end,"
        // The same customer's last ordinary answer on the same scale before the case opened.
        + " case when i.score is not null then (select b.score from survey_invitations b join surveys bs on bs.id = b.survey_id"
        + "   where b.customer_id = i.customer_id and bs.purpose = 'AFTER_EVENTS' and bs.kind = s.kind"
        + "     and b.score is not null and b.answered_at < f.opened_at"
        + "   order by b.answered_at desc fetch first 1 row only) end,"
        + " f.closed_at, f.outcome, f.team_id"
        + " from survey_invitations i join surveys s on s.id = i.survey_id join insight_case_facts f on f.case_id = i.case_id"
        + " where s.purpose = 'RECOVERY'";

    private final JdbcClient jdbc;

    SurveyFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the recovery invitations of these cases again; after their facts, whose close, outcome and team they carry. */
    void write(List<Long> caseIds) {
        KeptPerCase.forget(jdbc, "insight_survey_facts", "invitation_id", "survey_invitations", caseIds);
        jdbc.sql("insert into insight_survey_facts (invitation_id, case_id, kind, answered, score, satisfied, unhappy,"
                + " before_score, closed_at, outcome, team_id) " + SELECT + " and i.case_id in (:ids)")
            .param("ids", caseIds).update();
    }
}
