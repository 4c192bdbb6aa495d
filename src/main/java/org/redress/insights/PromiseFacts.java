package org.redress.insights;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code insight_promise_facts}: the promises of the cases the refresh reads, written
 * again with their case (making, refining, keeping and breaking one are recorded on the case's
 * timeline, so the case is read again), each with its case's team, so that promises kept reads
 * one table by the due time instead of joining the promises due in a period to the facts.
 */
@Component
class PromiseFacts {

    private final JdbcClient jdbc;

    PromiseFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the promises of these cases again; after their facts, whose team they carry. */
    void write(List<Long> caseIds) {
        KeptPerCase.forget(jdbc, "insight_promise_facts", "promise_id", "promises", caseIds);
        jdbc.sql("insert into insight_promise_facts (promise_id, case_id, team_id, owner_name, due_at, status, on_time)"
                + " select p.id, p.case_id, f.team_id, p.owner_name, p.due_at, p.status,"
                + " case when p.status = 'KEPT' and p.settled_at <= p.due_at then true else false end"
                + " from promises p join insight_case_facts f on f.case_id = p.case_id where p.case_id in (:ids)")
            .param("ids", caseIds).update();
    }
}
