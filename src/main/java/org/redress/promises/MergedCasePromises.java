package org.redress.promises;

import org.redress.cases.CasesMerged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A merged case's open promises are still owed to the customer: they move to the case it
 * was merged into, due as before. Kept and broken ones stay with the merged case's record.
 * In the merge's transaction (ADR 10), so a merge never leaves a promise behind.
 */
@Component
class MergedCasePromises {

    private final JdbcClient jdbc;

    MergedCasePromises(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(CasesMerged merged) {
        jdbc.sql("update promises set case_id = ? where case_id = ? and status = 'OPEN'")
            .params(merged.intoCaseId(), merged.fromCaseId()).update();
    }
}
