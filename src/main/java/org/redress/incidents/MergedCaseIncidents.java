package org.redress.incidents;

import org.redress.cases.CasesMerged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An incident's linked case merged into the customer's own case: the link follows, so the
 * incident's funnel counts the customer recovered when that case is closed as recovered.
 * In the merge's transaction (ADR 10), so no customer is left linked to a closed duplicate.
 */
@Component
class MergedCaseIncidents {

    private final JdbcClient jdbc;

    MergedCaseIncidents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(CasesMerged merged) {
        jdbc.sql("update incident_customers set case_id = ? where case_id = ?")
            .params(merged.intoCaseId(), merged.fromCaseId()).update();
    }
}
