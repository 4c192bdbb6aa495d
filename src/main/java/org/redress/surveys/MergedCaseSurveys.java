package org.redress.surveys;

import org.redress.cases.CasesMerged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A merged case's survey links follow it: an invitation about the duplicate, or an answer
 * that opened it, now points at the case it was merged into, so an answer still reaches the
 * case being worked on and a survey's before-and-after pair stays with the recovery.
 * In the merge's transaction (ADR 10).
 */
@Component
class MergedCaseSurveys {

    private final JdbcClient jdbc;

    MergedCaseSurveys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(CasesMerged merged) {
        jdbc.sql("update survey_invitations set case_id = ? where case_id = ?")
            .params(merged.intoCaseId(), merged.fromCaseId()).update();
        jdbc.sql("update survey_invitations set opened_case_id = ? where opened_case_id = ?")
            .params(merged.intoCaseId(), merged.fromCaseId()).update();
    }
}
