package org.redress.sla;

import java.util.ArrayList;
import java.util.List;

import org.redress.cases.CaseRefiled;
import org.redress.platform.SqlDialect;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the queue's read model ({@code sla_queue}): a row per open case with the due and
 * warning times of its earliest running target, and what the queue filters by (team, holder,
 * severity, status, category, channel, opening time). Written in the transaction that changes
 * the case's clocks or its place in the queue, so the queue never shows a case where it no
 * longer is, and reads one small table instead of joining a million cases. Every change to a
 * case's clocks after they start comes through here, so the case's clocks as started
 * ({@link StartedClocks}) are forgotten here too.
 */
@Component
class QueueRows {

    // The earliest running clock of the case: not met, stopped or paused.
    private static final String RUNNING = "from sla_clocks k where k.case_id = %s"
        + " and k.met_at is null and k.stopped_at is null and k.paused_at is null";

    private static final String COLUMNS = "case_id, due_at, warn_at, team_id, assignee_id, severity, status, category, channel, opened_at";
    // The queue row of case c, with m the earliest running clock's times (a sub-query to fill in).
    private static final String VALUES = "c.id, m.due_at, m.warn_at, c.team_id, c.assignee_id, c.severity, c.status,"
        + " c.category, c.channel, c.opened_at from recovery_cases c, %s m";

    private final JdbcClient jdbc;
    private final QueueCounters counters;
    private final SqlDialect dialect;

    QueueRows(JdbcClient jdbc, QueueCounters counters, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.counters = counters;
        this.dialect = dialect;
    }

    /** An insert statement and its parameters. */
    record Insert(String sql, List<Object> params) {}

    /**
     * The case is open (new or reopened): it joins the queue with its running clocks' times and
     * its place as the case table has it now (by the columns the cases module documents).
     */
    void enter(long caseId) {
        StartedClocks.forget(caseId);
        jdbc.sql("insert into sla_queue (" + COLUMNS + ") select " + VALUES.formatted(
                "(select min(k.due_at) as due_at, min(k.warn_at) as warn_at " + RUNNING.formatted(":case") + ")")
                + " where c.id = :case and not exists (select 1 from sla_queue q where q.case_id = :case)")
            .param("case", caseId).update();
        counters.changed();
    }

    /**
     * A new case: its first clocks start ({@code clocks}, an insert into {@code sla_clocks}) and it
     * joins the queue with them. On PostgreSQL in one statement, the clocks' insert feeding the
     * queue row (a writable common table expression: one round trip on the hottest write).
     */
    void enter(long caseId, Insert clocks) {
        if (!dialect.postgres()) {
            jdbc.sql(clocks.sql()).params(clocks.params()).update();
            enter(caseId);
            return;
        }
        // The main statement does not see the rows its own insert adds: those come from "started".
        String running = "(select min(r.due_at) as due_at, min(r.warn_at) as warn_at from"
            + " (select due_at, warn_at from started union all select k.due_at, k.warn_at " + RUNNING.formatted("?") + ") r)";
        List<Object> params = new ArrayList<>(clocks.params());
        params.addAll(List.of(caseId, caseId, caseId));
        jdbc.sql("with started as (" + clocks.sql() + " returning due_at, warn_at)"
                + " insert into sla_queue (" + COLUMNS + ") select " + VALUES.formatted(running)
                + " where c.id = ? and not exists (select 1 from sla_queue q where q.case_id = ?)")
            .params(params).update();
        counters.changed();
    }

    /** The case's clocks changed: its row takes the times of the clocks running now. */
    void refresh(long caseId) {
        StartedClocks.forget(caseId);
        jdbc.sql("update sla_queue set due_at = (select min(k.due_at) " + RUNNING.formatted("sla_queue.case_id")
                + "), warn_at = (select min(k.warn_at) " + RUNNING.formatted("sla_queue.case_id") + ") where case_id = ?")
            .param(caseId).update();
        counters.changed();
    }

    /** The case moved (another team or holder, severity or status): its row follows. A closed case has none. */
    @EventListener
    void on(CaseRefiled refiled) {
        jdbc.sql("update sla_queue set team_id = ?, assignee_id = ?, severity = ?, status = ? where case_id = ?")
            .params(refiled.teamId(), refiled.assigneeId(), refiled.severity(), refiled.status().name(), refiled.caseId())
            .update();
        counters.changed();
    }

    /** The case is closed: it leaves the queue. */
    void leave(long caseId) {
        StartedClocks.forget(caseId);
        jdbc.sql("delete from sla_queue where case_id = ?").param(caseId).update();
        counters.changed();
    }
}
