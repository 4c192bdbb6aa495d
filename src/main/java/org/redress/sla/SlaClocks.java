package org.redress.sla;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.redress.cases.CaseAccess;
import org.redress.cases.CaseManagement;
import org.redress.cases.CaseScope;
import org.redress.shared.Actor;
import org.redress.shared.Conflict;
import org.redress.shared.Text;
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
    private final CaseManagement cases;
    private final CaseAccess access;
    private final QueueRows queue;
    private final Clock clock;

    SlaClocks(JdbcClient jdbc, SlaManagement sla, CaseManagement cases, CaseAccess access, QueueRows queue, Clock clock) {
        this.jdbc = jdbc;
        this.queue = queue;
        this.sla = sla;
        this.cases = cases;
        this.access = access;
        this.clock = clock;
    }

    /** A new or reopened case: starts these targets and puts the case in the queue with them. */
    void open(long caseId, SlaPolicy policy, Instant from, Target... targets) {
        List<StartedClocks.Started> started = started(policy, from, targets);
        queue.enterWhenCommitting(new QueueRows.Opened(caseId, started, from));
        StartedClocks.remember(caseId, started);
    }

    /** A reopened case is back in the queue, with no target running until its steps come round. */
    void reopened(long caseId) {
        queue.enter(caseId);
    }

    /** Starts the clocks of these targets, in one statement. */
    void start(long caseId, SlaPolicy policy, Instant from, Target... targets) {
        insert(caseId, policy, from, targets);
        queue.refresh(caseId);
    }

    private void insert(long caseId, SlaPolicy policy, Instant from, Target... targets) {
        QueueRows.Insert clocks = QueueRows.inserting(List.of(new QueueRows.Opened(caseId, started(policy, from, targets), from)));
        sql(clocks.sql()).params(clocks.params()).update();
    }

    /** These targets' clocks, started at {@code from}, with their times as the table keeps them. */
    private List<StartedClocks.Started> started(SlaPolicy policy, Instant from, Target... targets) {
        BusinessHours hours = sla.hoursOf(policy);
        List<StartedClocks.Started> started = new ArrayList<>(targets.length);
        for (Target target : targets) {
            Duration span = policy.target(target);
            // A follow-up is not at risk before it is due: it has no separate warning.
            int warnPercent = target == Target.FOLLOW_UP ? 100 : policy.warnAtPercent();
            started.add(new StartedClocks.Started(target, policy.id(),
                hours.plus(from, span.multipliedBy(warnPercent).dividedBy(100)).truncatedTo(ChronoUnit.MICROS),
                hours.plus(from, span).truncatedTo(ChronoUnit.MICROS)));
        }
        return started;
    }

    void meet(long caseId, Target target, Instant at) {
        sql("update sla_clocks set met_at = ? where case_id = ? and target = ? and met_at is null and stopped_at is null")
            .params(Timestamp.from(at), caseId, target.name()).update();
        queue.refresh(caseId);
    }

    /** The case is closed: what is left of its clocks stops, and it leaves the queue. */
    void stopAll(long caseId, Instant at) {
        sql("update sla_clocks set stopped_at = ? where case_id = ? and met_at is null and stopped_at is null")
            .params(Timestamp.from(at), caseId).update();
        queue.leave(caseId);
    }

    /**
     * Moves the case's running clocks to another policy: each keeps its start and gets the
     * new target from it; a warning already given is given again if the new one lies ahead.
     * Returns the new due times of the clocks that moved.
     */
    List<SlaClock> retarget(long caseId, SlaPolicy policy) {
        BusinessHours hours = sla.hoursOf(policy);
        record Running(long id, String target, Instant startedAt) {}
        List<Running> running = sql("""
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
            sql("""
                    update sla_clocks set policy_id = ?, due_at = ?, warn_at = ?,
                           warned_at = case when ? > ? then null else warned_at end
                    where id = ?""")
                .params(policy.id(), Timestamp.from(due), Timestamp.from(warn), Timestamp.from(warn), Timestamp.from(now),
                    clockRunning.id())
                .update();
        }
        queue.refresh(caseId);
        return of(caseId).stream().filter(c -> running.stream().anyMatch(r -> r.target().equals(c.target().name()))).toList();
    }

    /** A clock that needs attention, with its case. */
    public record Attention(long caseId, SlaClock clock) {}

    /**
     * Running clocks past their warning share or their due time, of cases in the scope, most
     * urgent (the case whose earliest target is due first) first.
     */
    @Transactional(readOnly = true)
    public List<Attention> needingAttention(int limit, CaseScope scope) {
        Instant now = clock.instant();
        List<Attention> found = new ArrayList<>();
        // Cases in batches, soonest due first, then their clocks; a case whose only running
        // clock is a follow-up (listed elsewhere) yields none, so a short batch is topped up.
        for (int offset = 0; found.size() < limit; offset += limit) {
            AttentionBatch batch = attentionBatch(now, limit, offset, scope);
            batch.clocks().stream().limit(limit - found.size()).forEach(found::add);
            if (batch.cases() < limit) {
                break;
            }
        }
        return found;
    }

    private record AttentionBatch(int cases, List<Attention> clocks) {}

    private AttentionBatch attentionBatch(Instant now, int limit, int offset, CaseScope scope) {
        record Row(long caseId, @Nullable String target, long policyId, @Nullable Instant startedAt, @Nullable Instant dueAt) {}
        // Driven by the queue's read model (open cases by their earliest running due time, with their
        // team and holder for the scope): a page of cases past a warning, then their clocks by the
        // case's key. The clocks' own due index would start with the met clocks of closed cases.
        List<Row> rows = sql("""
                select q.case_id, k.target, k.policy_id, k.started_at, k.due_at
                from (select q.case_id, q.due_at from sla_queue q where q.warn_at <= :now and\s""" + scope.onCases("q") + """
                       order by q.due_at, q.case_id limit :limit offset :offset) q
                left join sla_clocks k on k.case_id = q.case_id and k.met_at is null and k.stopped_at is null
                  and k.paused_at is null and k.warn_at <= :now and k.target <> 'FOLLOW_UP'
                order by q.due_at, q.case_id, k.due_at""")
            .param("now", Timestamp.from(now)).param("limit", limit).param("offset", offset)
            .query((rs, n) -> new Row(rs.getLong("case_id"), rs.getString("target"), rs.getLong("policy_id"),
                instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("due_at"))))
            .list();
        List<Attention> clocks = rows.stream()
            .filter(row -> row.target() != null && row.startedAt() != null && row.dueAt() != null)
            .map(row -> {
                BusinessHours hours = hoursOfPolicy(row.policyId());
                boolean breached = !now.isBefore(row.dueAt());
                Duration left = breached ? hours.between(row.dueAt(), now).negated() : hours.between(now, row.dueAt());
                Target target = Target.valueOf(row.target());
                return new Attention(row.caseId(), new SlaClock(target, target.label(),
                    breached ? SlaClock.State.BREACHED : SlaClock.State.AT_RISK, row.startedAt(), row.dueAt(), null, left));
            })
            .toList();
        return new AttentionBatch((int) rows.stream().mapToLong(Row::caseId).distinct().count(), clocks);
    }

    /**
     * Pauses the case's running clocks while it waits on the customer, and says so on its
     * timeline; for someone who may act on the case.
     */
    public List<SlaClock> pauseCase(long caseId, Actor by, @Nullable String reason) {
        access.require(caseId, by, "sla.paused");
        String why = Text.required("reason", reason, 500).trim();
        if (pause(caseId, clock.instant()) == 0) {
            throw new Conflict("No time target of this case is running, so there is nothing to pause.");
        }
        cases.recordOnTimeline(caseId, "sla.paused", "Time targets paused: waiting on the customer (" + why + ")");
        return of(caseId);
    }

    /** Resumes the case's paused clocks; their due times move by the business time they were paused. */
    public List<SlaClock> resumeCase(long caseId, Actor by) {
        access.require(caseId, by, "sla.resumed");
        Duration paused = resume(caseId, clock.instant());
        if (paused == null) {
            throw new Conflict("No time target of this case is paused.");
        }
        cases.recordOnTimeline(caseId, "sla.resumed", "Time targets resumed after " + paused.toMinutes()
            + " min of business time");
        return of(caseId);
    }

    /** Starts these targets afresh: their earlier clocks (met, missed or running) are replaced. */
    void restart(long caseId, SlaPolicy policy, Instant from, Target... targets) {
        for (Target target : targets) {
            sql("delete from sla_clocks where case_id = ? and target = ?").params(caseId, target.name()).update();
        }
        start(caseId, policy, from, targets);
    }

    /** Forgets the clocks of these targets; they start again when their step comes round. */
    void discard(long caseId, Target... targets) {
        for (Target target : targets) {
            sql("delete from sla_clocks where case_id = ? and target = ?").params(caseId, target.name()).update();
        }
        queue.refresh(caseId);
    }

    /**
     * Since when the case's clocks wait on the customer (the earliest pause of a clock still
     * running), or null when they do not wait.
     */
    @Nullable Instant pausedSince(long caseId) {
        Timestamp since = sql("""
                select min(paused_at) from sla_clocks
                where case_id = ? and paused_at is not null and met_at is null and stopped_at is null""")
            .param(caseId).query(Timestamp.class).optional().orElse(null);
        return since == null ? null : since.toInstant();
    }

    /**
     * Whether a case closed at {@code closedAt} was waiting on the customer when it closed:
     * a clock paused and not met, stopped by that closing (or not stopped yet).
     */
    boolean waitedOnCustomerWhenClosed(long caseId, Instant closedAt) {
        return sql("""
                select count(*) from sla_clocks
                where case_id = ? and paused_at is not null and met_at is null and (stopped_at is null or stopped_at >= ?)""")
            .params(caseId, Timestamp.from(closedAt.truncatedTo(ChronoUnit.MILLIS))).query(Long.class).single() > 0;
    }

    /** Pauses the case's running clocks; returns how many were running. */
    int pause(long caseId, Instant at) {
        int paused = sql("""
                update sla_clocks set paused_at = ?
                where case_id = ? and paused_at is null and met_at is null and stopped_at is null and breached_at is null""")
            .params(Timestamp.from(at), caseId).update();
        if (paused > 0) {
            queue.refresh(caseId);
        }
        return paused;
    }

    /**
     * Resumes the case's paused clocks: each gets the business time it had left when it was
     * paused, counted from now. Returns the business time the longest pause lasted, or null
     * when no clock was paused.
     */
    @Nullable Duration resume(long caseId, Instant at) {
        record Paused(long id, long policyId, Instant pausedAt, Instant warnAt, Instant dueAt) {}
        List<Paused> paused = sql("""
                select id, policy_id, paused_at, warn_at, due_at from sla_clocks
                where case_id = ? and paused_at is not null and met_at is null and stopped_at is null""")
            .param(caseId)
            .query((rs, n) -> new Paused(rs.getLong("id"), rs.getLong("policy_id"), rs.getTimestamp("paused_at").toInstant(),
                rs.getTimestamp("warn_at").toInstant(), rs.getTimestamp("due_at").toInstant()))
            .list();
        if (paused.isEmpty()) {
            return null;
        }
        Duration longest = Duration.ZERO;
        for (Paused clockPaused : paused) {
            BusinessHours hours = hoursOfPolicy(clockPaused.policyId());
            Instant due = hours.plus(at, hours.between(clockPaused.pausedAt(), clockPaused.dueAt()));
            Instant warn = clockPaused.warnAt().isAfter(clockPaused.pausedAt())
                ? hours.plus(at, hours.between(clockPaused.pausedAt(), clockPaused.warnAt())) : clockPaused.warnAt();
            sql("update sla_clocks set paused_at = null, due_at = ?, warn_at = ? where id = ?")
                .params(Timestamp.from(due), Timestamp.from(warn), clockPaused.id()).update();
            Duration pause = hours.between(clockPaused.pausedAt(), at);
            longest = pause.compareTo(longest) > 0 ? pause : longest;
        }
        queue.refresh(caseId);
        return longest;
    }

    /** Follow-ups that have fallen due and are not done, of cases in the scope, oldest first. */
    @Transactional(readOnly = true)
    public List<Long> followUpsDue(int limit, CaseScope scope) {
        return sql("""
                select case_id from sla_clocks
                where target = 'FOLLOW_UP' and breached_at is not null and met_at is null and stopped_at is null
                  and\s""" + scope.sql("case_id") + " order by due_at limit ?")
            .param(limit).query(Long.class).list();
    }

    @Nullable Long policyOf(long caseId) {
        return sql("select policy_id from sla_clocks where case_id = ? order by id limit 1")
            .param(caseId).query(Long.class).optional().orElse(null);
    }

    /** The case's clocks as they stand now, in target order. */
    @Transactional(readOnly = true)
    public List<SlaClock> of(long caseId) {
        Instant now = clock.instant();
        record Row(String target, long policyId, Instant startedAt, Instant warnAt, Instant dueAt, @Nullable Instant metAt,
                   @Nullable Instant stoppedAt, @Nullable Instant pausedAt) {}
        List<Row> rows = sql("""
                select target, policy_id, started_at, warn_at, due_at, met_at, stopped_at, paused_at
                from sla_clocks where case_id = ?""")
            .param(caseId)
            .query((rs, n) -> new Row(rs.getString("target"), rs.getLong("policy_id"),
                rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("warn_at").toInstant(),
                rs.getTimestamp("due_at").toInstant(), instant(rs.getTimestamp("met_at")), instant(rs.getTimestamp("stopped_at")),
                instant(rs.getTimestamp("paused_at"))))
            .list();
        return rows.stream().map(row -> {
            Target target = Target.valueOf(row.target());
            SlaClock.State state;
            Duration left = null;
            if (row.metAt() != null) {
                state = row.metAt().isAfter(row.dueAt()) ? SlaClock.State.MET_LATE : SlaClock.State.MET;
            } else if (row.stoppedAt() != null) {
                state = SlaClock.State.STOPPED;
            } else if (row.pausedAt() != null) {
                BusinessHours hours = hoursOfPolicy(row.policyId());
                state = SlaClock.State.PAUSED;
                left = hours.between(row.pausedAt(), row.dueAt());
            } else {
                BusinessHours hours = hoursOfPolicy(row.policyId());
                left = now.isBefore(row.dueAt()) ? hours.between(now, row.dueAt()) : hours.between(row.dueAt(), now).negated();
                state = !now.isBefore(row.dueAt()) ? SlaClock.State.BREACHED
                    : !now.isBefore(row.warnAt()) ? SlaClock.State.AT_RISK : SlaClock.State.ON_TRACK;
            }
            return new SlaClock(target, target.label(), state, row.startedAt(), row.dueAt(), row.metAt(), left);
        }).sorted(java.util.Comparator.comparing(SlaClock::target)).toList();
    }

    private BusinessHours hoursOfPolicy(long policyId) {
        return sla.policy(policyId).map(sla::hoursOf).orElseGet(() -> BusinessHours.always(java.time.ZoneOffset.UTC));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    // Every statement on the clocks first writes the new cases' clocks this transaction holds
    // back (QueueRows#enterWhenCommitting): none may miss a clock started before it.
    private JdbcClient.StatementSpec sql(String sql) {
        queue.settle();
        return jdbc.sql(sql);
    }
}
