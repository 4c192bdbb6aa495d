package org.redress.sla;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fires the clocks' timers: a warning when a target's warning share has passed, a breach
 * when it is due. Each fires once: the sweep locks due clocks with {@code skip locked}, so
 * nodes sweeping at the same time take different clocks, and marks each with a conditional
 * update in the same transaction as the timeline line it writes.
 */
@Component
class SlaTimers {

    static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final TimerFiring firing;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SlaTimers(JdbcClient jdbc, TimerFiring firing, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.firing = firing;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Fires every due warning and breach; returns how many fired. */
    int fireDue() {
        int fired = 0;
        int batch;
        do {
            batch = transactions.execute(status -> fireBatch("due_at", "breached_at", firing::breached));
            fired += batch;
        } while (batch == BATCH);
        do {
            batch = transactions.execute(status -> fireBatch("warn_at", "warned_at", firing::warned));
            fired += batch;
        } while (batch == BATCH);
        return fired;
    }

    // The column names come from the two calls above, never from input.
    private int fireBatch(String timeColumn, String firedColumn, Consumer<TimerFiring.DueClock> fire) {
        Instant now = clock.instant();
        List<TimerFiring.DueClock> due = jdbc.sql("select id, case_id, target, due_at, policy_id from sla_clocks"
                + " where " + timeColumn + " <= ? and " + firedColumn + " is null"
                + " and breached_at is null and met_at is null and stopped_at is null and paused_at is null"
                + " order by " + timeColumn + " limit " + BATCH + " for update skip locked")
            .param(Timestamp.from(now))
            .query((rs, n) -> new TimerFiring.DueClock(rs.getLong("id"), rs.getLong("case_id"),
                Target.valueOf(rs.getString("target")), rs.getTimestamp("due_at").toInstant(), rs.getLong("policy_id")))
            .list();
        int fired = 0;
        for (TimerFiring.DueClock clockDue : due) {
            int marked = jdbc.sql("update sla_clocks set " + firedColumn + " = ? where id = ? and " + firedColumn + " is null")
                .params(Timestamp.from(now), clockDue.id()).update();
            if (marked == 1) {
                fire.accept(clockDue);
                fired++;
            }
        }
        return due.size() == BATCH ? BATCH : fired;
    }
}
