package org.redress.sla;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clocks of each case against its targets. Starting a clock twice (an event
 * delivered again) changes nothing; due and warning times count the policy's business hours.
 */
@Service
@Transactional
public class SlaClocks {

    private final JdbcClient jdbc;
    private final SlaManagement sla;
    private final Clock clock;

    SlaClocks(JdbcClient jdbc, SlaManagement sla, Clock clock) {
        this.jdbc = jdbc;
        this.sla = sla;
        this.clock = clock;
    }

    /** Starts the clocks of these targets, in one statement. */
    void start(long caseId, SlaPolicy policy, Instant from, Target... targets) {
        BusinessHours hours = sla.hoursOf(policy);
        StringBuilder sql = new StringBuilder("insert into sla_clocks (case_id, target, policy_id, started_at, warn_at, due_at) values ");
        List<Object> params = new java.util.ArrayList<>();
        for (int i = 0; i < targets.length; i++) {
            Duration span = policy.target(targets[i]);
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?)");
            params.addAll(List.of(caseId, targets[i].name(), policy.id(), Timestamp.from(from),
                Timestamp.from(hours.plus(from, span.multipliedBy(policy.warnAtPercent()).dividedBy(100))),
                Timestamp.from(hours.plus(from, span))));
        }
        jdbc.sql(sql.append(" on conflict do nothing").toString()).params(params).update();
    }

    void meet(long caseId, Target target, Instant at) {
        jdbc.sql("update sla_clocks set met_at = ? where case_id = ? and target = ? and met_at is null and stopped_at is null")
            .params(Timestamp.from(at), caseId, target.name()).update();
    }

    void stopAll(long caseId, Instant at) {
        jdbc.sql("update sla_clocks set stopped_at = ? where case_id = ? and met_at is null and stopped_at is null")
            .params(Timestamp.from(at), caseId).update();
    }

    /**
     * Moves the case's running clocks to another policy: each keeps its start and gets the
     * new target from it; a warning already given is given again if the new one lies ahead.
     * Returns the new due times of the clocks that moved.
     */
    List<SlaClock> retarget(long caseId, SlaPolicy policy) {
        BusinessHours hours = sla.hoursOf(policy);
        record Running(long id, String target, Instant startedAt) {}
        List<Running> running = jdbc.sql("""
                select id, target, started_at from sla_clocks
                where case_id = ? and met_at is null and stopped_at is null and breached_at is null""")
            .param(caseId)
            .query((rs, n) -> new Running(rs.getLong("id"), rs.getString("target"), rs.getTimestamp("started_at").toInstant()))
            .list();
        Instant now = clock.instant();
        for (Running clockRunning : running) {
            Duration span = policy.target(Target.valueOf(clockRunning.target()));
            Instant due = hours.plus(clockRunning.startedAt(), span);
            Instant warn = hours.plus(clockRunning.startedAt(), span.multipliedBy(policy.warnAtPercent()).dividedBy(100));
            jdbc.sql("""
                    update sla_clocks set policy_id = ?, due_at = ?, warn_at = ?,
                           warned_at = case when ? > ? then null else warned_at end
                    where id = ?""")
                .params(policy.id(), Timestamp.from(due), Timestamp.from(warn), Timestamp.from(warn), Timestamp.from(now),
                    clockRunning.id())
                .update();
        }
        return of(caseId).stream().filter(c -> running.stream().anyMatch(r -> r.target().equals(c.target().name()))).toList();
    }

    /** A clock that needs attention, with its case. */
    public record Attention(long caseId, SlaClock clock) {}

    /** Running clocks past their warning share or their due time, most urgent (earliest due) first. */
    @Transactional(readOnly = true)
    public List<Attention> needingAttention(int limit) {
        Instant now = clock.instant();
        record Row(long caseId, String target, long policyId, Instant startedAt, Instant warnAt, Instant dueAt) {}
        return jdbc.sql("""
                select case_id, target, policy_id, started_at, warn_at, due_at from sla_clocks
                where met_at is null and stopped_at is null and warn_at <= ?
                order by due_at limit ?""")
            .params(Timestamp.from(now), limit)
            .query((rs, n) -> new Row(rs.getLong("case_id"), rs.getString("target"), rs.getLong("policy_id"),
                rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("warn_at").toInstant(),
                rs.getTimestamp("due_at").toInstant()))
            .list().stream()
            .map(row -> {
                BusinessHours hours = sla.policy(row.policyId()).map(sla::hoursOf).orElse(BusinessHours.always(java.time.ZoneOffset.UTC));
                boolean breached = !now.isBefore(row.dueAt());
                Duration left = breached ? hours.between(row.dueAt(), now).negated() : hours.between(now, row.dueAt());
                Target target = Target.valueOf(row.target());
                return new Attention(row.caseId(), new SlaClock(target, target.label(),
                    breached ? SlaClock.State.BREACHED : SlaClock.State.AT_RISK, row.startedAt(), row.dueAt(), null, left));
            })
            .toList();
    }

    @Nullable Long policyOf(long caseId) {
        return jdbc.sql("select policy_id from sla_clocks where case_id = ? order by id limit 1")
            .param(caseId).query(Long.class).optional().orElse(null);
    }

    /** The case's clocks as they stand now, in target order. */
    @Transactional(readOnly = true)
    public List<SlaClock> of(long caseId) {
        Instant now = clock.instant();
        record Row(String target, long policyId, Instant startedAt, Instant warnAt, Instant dueAt, @Nullable Instant metAt,
                   @Nullable Instant stoppedAt) {}
        List<Row> rows = jdbc.sql("""
                select target, policy_id, started_at, warn_at, due_at, met_at, stopped_at
                from sla_clocks where case_id = ?""")
            .param(caseId)
            .query((rs, n) -> new Row(rs.getString("target"), rs.getLong("policy_id"),
                rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("warn_at").toInstant(),
                rs.getTimestamp("due_at").toInstant(), instant(rs.getTimestamp("met_at")), instant(rs.getTimestamp("stopped_at"))))
            .list();
        return rows.stream().map(row -> {
            Target target = Target.valueOf(row.target());
            SlaClock.State state;
            Duration left = null;
            if (row.metAt() != null) {
                state = row.metAt().isAfter(row.dueAt()) ? SlaClock.State.MET_LATE : SlaClock.State.MET;
            } else if (row.stoppedAt() != null) {
                state = SlaClock.State.STOPPED;
            } else {
                BusinessHours hours = sla.policy(row.policyId()).map(sla::hoursOf).orElse(BusinessHours.always(java.time.ZoneOffset.UTC));
                left = now.isBefore(row.dueAt()) ? hours.between(now, row.dueAt()) : hours.between(row.dueAt(), now).negated();
                state = !now.isBefore(row.dueAt()) ? SlaClock.State.BREACHED
                    : !now.isBefore(row.warnAt()) ? SlaClock.State.AT_RISK : SlaClock.State.ON_TRACK;
            }
            return new SlaClock(target, target.label(), state, row.startedAt(), row.dueAt(), row.metAt(), left);
        }).sorted(java.util.Comparator.comparing(SlaClock::target)).toList();
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
