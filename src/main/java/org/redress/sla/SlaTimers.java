package org.redress.sla;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.redress.cases.CaseManagement;
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
    private final CaseManagement cases;
    private final SlaManagement sla;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final DateTimeFormatter when;

    SlaTimers(JdbcClient jdbc, CaseManagement cases, SlaManagement sla, TransactionTemplate transactions, Clock clock,
              ZoneId businessZone) {
        this.jdbc = jdbc;
        this.sla = sla;
        this.cases = cases;
        this.transactions = transactions;
        this.clock = clock;
        this.when = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH).withZone(businessZone);
    }

    /** Fires every due warning and breach; returns how many fired. */
    int fireDue() {
        int fired = 0;
        int batch;
        do {
            batch = transactions.execute(status -> fireBatch("due_at", "breached_at", "sla.breached"));
            fired += batch;
        } while (batch == BATCH);
        do {
            batch = transactions.execute(status -> fireBatch("warn_at", "warned_at", "sla.at-risk"));
            fired += batch;
        } while (batch == BATCH);
        return fired;
    }

    private record Due(long id, long caseId, String target, Instant dueAt, long policyId) {}

    // The column names come from the two calls above, never from input.
    private int fireBatch(String timeColumn, String firedColumn, String kind) {
        Instant now = clock.instant();
        List<Due> due = jdbc.sql("select id, case_id, target, due_at, policy_id from sla_clocks"
                + " where " + timeColumn + " <= ? and " + firedColumn + " is null"
                + " and breached_at is null and met_at is null and stopped_at is null and paused_at is null"
                + " order by " + timeColumn + " limit " + BATCH + " for update skip locked")
            .param(Timestamp.from(now))
            .query((rs, n) -> new Due(rs.getLong("id"), rs.getLong("case_id"), rs.getString("target"),
                rs.getTimestamp("due_at").toInstant(), rs.getLong("policy_id")))
            .list();
        int fired = 0;
        for (Due clockDue : due) {
            int marked = jdbc.sql("update sla_clocks set " + firedColumn + " = ? where id = ? and " + firedColumn + " is null")
                .params(Timestamp.from(now), clockDue.id()).update();
            if (marked == 1 && Target.valueOf(clockDue.target()) == Target.FOLLOW_UP) {
                cases.recordOnTimeline(clockDue.caseId(), "followup.due",
                    "Follow-up due: check back that the customer is truly satisfied");
                fired++;
            } else if (marked == 1) {
                Target target = Target.valueOf(clockDue.target());
                cases.recordOnTimeline(clockDue.caseId(), kind, kind.equals("sla.breached")
                    ? "Target missed: " + target.label().toLowerCase(Locale.ROOT) + " was due " + when.format(clockDue.dueAt())
                    : "At risk: " + target.label().toLowerCase(Locale.ROOT) + " is due " + when.format(clockDue.dueAt()));
                if (kind.equals("sla.breached")) {
                    sla.policy(clockDue.policyId()).map(SlaPolicy::escalationTeamId).ifPresent(team ->
                        cases.escalate(clockDue.caseId(), team, target.label().toLowerCase(Locale.ROOT) + " target missed"));
                }
                fired++;
            }
        }
        return due.size() == BATCH ? BATCH : fired;
    }
}
