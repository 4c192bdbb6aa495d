package org.redress.sla;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

import org.redress.cases.CaseRefiled;
import org.redress.platform.PendingRows;
import org.redress.platform.PlannedEachTime;
import org.redress.platform.SqlDialect;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
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
    private static final String RUNNING = "from sla_clocks k where k.case_id %s"
        + " and k.met_at is null and k.stopped_at is null and k.paused_at is null";

    private static final String COLUMNS = "case_id, due_at, warn_at, team_id, assignee_id, severity, status, category, channel, opened_at";
    // The queue row of case c, with m the earliest running clock's times.
    private static final String VALUES = "c.id, m.due_at, m.warn_at, c.team_id, c.assignee_id, c.severity, c.status,"
        + " c.category, c.channel, c.opened_at";

    // New cases' clocks and queue rows, for any number of cases (arrays: case, target, policy,
    // started, warning, due; then the cases' ids twice). The main statement does not see the rows
    // its own insert adds: those come from "started".
    private static final String ENTER_ALL = "with started as (insert into sla_clocks (case_id, target, policy_id, started_at,"
        + " warn_at, due_at) select * from unnest(?::bigint[], ?::text[], ?::bigint[], ?::timestamptz[], ?::timestamptz[],"
        + " ?::timestamptz[]) on conflict do nothing returning case_id, due_at, warn_at)"
        + " insert into sla_queue (" + COLUMNS + ") select " + VALUES + " from recovery_cases c left join"
        + " (select r.case_id, min(r.due_at) as due_at, min(r.warn_at) as warn_at from"
        + " (select case_id, due_at, warn_at from started union all select k.case_id, k.due_at, k.warn_at "
        + RUNNING.formatted("= any(?::bigint[])") + ") r group by r.case_id) m on m.case_id = c.id"
        + " where c.id = any(?::bigint[]) and not exists (select 1 from sla_queue q where q.case_id = c.id)";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final QueueCounters counters;
    private final SqlDialect dialect;
    // One object for the life of the application: the transaction's held-back rows are found by it.
    private final Consumer<List<Opened>> enterOpened = this::enter;

    QueueRows(JdbcClient jdbc, JdbcTemplate template, QueueCounters counters, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.template = template;
        this.counters = counters;
        this.dialect = dialect;
    }

    /** An insert statement and its parameters. */
    record Insert(String sql, List<Object> params) {}

    /** A new case and its first clocks, as started at {@code from}. */
    record Opened(long caseId, List<StartedClocks.Started> clocks, Instant from) {}

    /** The statement that starts these cases' clocks, all in one (repeated, it adds nothing). */
    static Insert inserting(List<Opened> cases) {
        StringBuilder sql = new StringBuilder("insert into sla_clocks (case_id, target, policy_id, started_at, warn_at, due_at) values ");
        List<Object> params = new ArrayList<>();
        for (Opened opened : cases) {
            for (StartedClocks.Started clock : opened.clocks()) {
                sql.append(params.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?)");
                params.addAll(List.of(opened.caseId(), clock.target().name(), clock.policyId(), Timestamp.from(opened.from()),
                    Timestamp.from(clock.warnAt()), Timestamp.from(clock.dueAt())));
            }
        }
        return new Insert(sql.append(" on conflict do nothing").toString(), params);
    }

    /**
     * The case is open (new or reopened): it joins the queue with its running clocks' times and
     * its place as the case table has it now (by the columns the cases module documents).
     */
    void enter(long caseId) {
        settle();
        StartedClocks.forget(caseId);
        joinQueue(List.of(caseId));
        counters.changed();
    }

    /**
     * A new case: its first clocks start and it joins the queue with them, when the transaction
     * commits, together with the other cases it opened (a batch of complaints written together
     * opens many: their clocks and queue rows then take one statement, not one per case). Until
     * then this class and {@link SlaClocks} {@link #settle settle} them before each statement of
     * theirs, so no change to a case's clocks or queue row in the transaction misses them (the
     * queue's readers run in transactions of their own). Outside a transaction, at once.
     */
    void enterWhenCommitting(Opened opened) {
        PendingRows.add(enterOpened, opened);
    }

    /** Writes the new cases' clocks and queue rows this transaction holds back, if any, now. */
    void settle() {
        PendingRows.settle(enterOpened);
    }

    // On PostgreSQL in one statement, the clocks' insert feeding the queue rows (a writable common
    // table expression). Elsewhere the clocks first, then the queue rows.
    private void enter(List<Opened> cases) {
        if (dialect.postgres()) {
            enterAll(cases);
        } else {
            Insert clocks = inserting(cases);
            if (!clocks.params().isEmpty()) {
                jdbc.sql(clocks.sql()).params(clocks.params()).update();
            }
            joinQueue(cases.stream().map(Opened::caseId).toList());
        }
        counters.changed();
    }

    // These open cases join the queue with their running clocks' times (none: no due time) and
    // their place as the case table has it now; a case already in it stays as it is.
    private void joinQueue(List<Long> caseIds) {
        String in = "in (" + String.join(", ", Collections.nCopies(caseIds.size(), "?")) + ")";
        List<Object> params = new ArrayList<>(caseIds);
        params.addAll(caseIds);
        jdbc.sql("insert into sla_queue (" + COLUMNS + ") select " + VALUES + " from recovery_cases c left join"
                + " (select k.case_id, min(k.due_at) as due_at, min(k.warn_at) as warn_at " + RUNNING.formatted(in)
                + " group by k.case_id) m on m.case_id = c.id where c.id " + in
                + " and not exists (select 1 from sla_queue q where q.case_id = c.id)")
            .params(params).update();
    }

    private void enterAll(List<Opened> cases) {
        int clocks = cases.stream().mapToInt(opened -> opened.clocks().size()).sum();
        long[] caseIds = new long[clocks];
        String[] targets = new String[clocks];
        long[] policies = new long[clocks];
        String[] started = new String[clocks];
        String[] warnings = new String[clocks];
        String[] dues = new String[clocks];
        int i = 0;
        for (Opened opened : cases) {
            for (StartedClocks.Started clock : opened.clocks()) {
                caseIds[i] = opened.caseId();
                targets[i] = clock.target().name();
                policies[i] = clock.policyId();
                started[i] = opened.from().toString();
                warnings[i] = clock.warnAt().toString();
                dues[i] = clock.dueAt().toString();
                i++;
            }
        }
        long[] opened = cases.stream().mapToLong(Opened::caseId).toArray();
        Object[] params = {caseIds, targets, policies, started, warnings, dues, opened, opened};
        template.update(PlannedEachTime.statement(ENTER_ALL, params));
    }

    /** The case's clocks changed: its row takes the times of the clocks running now. */
    void refresh(long caseId) {
        settle();
        StartedClocks.forget(caseId);
        jdbc.sql("update sla_queue set due_at = (select min(k.due_at) " + RUNNING.formatted("= sla_queue.case_id")
                + "), warn_at = (select min(k.warn_at) " + RUNNING.formatted("= sla_queue.case_id") + ") where case_id = ?")
            .param(caseId).update();
        counters.changed();
    }

    /** The case moved (another team or holder, severity or status): its row follows. A closed case has none. */
    @EventListener
    void on(CaseRefiled refiled) {
        settle();
        jdbc.sql("update sla_queue set team_id = ?, assignee_id = ?, severity = ?, status = ? where case_id = ?")
            .params(refiled.teamId(), refiled.assigneeId(), refiled.severity(), refiled.status().name(), refiled.caseId())
            .update();
        counters.changed();
    }

    /** The case is closed: it leaves the queue. */
    void leave(long caseId) {
        settle();
        StartedClocks.forget(caseId);
        jdbc.sql("delete from sla_queue where case_id = ?").param(caseId).update();
        counters.changed();
    }
}
