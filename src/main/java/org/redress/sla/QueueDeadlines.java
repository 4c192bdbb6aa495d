package org.redress.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.redress.cases.CaseDeadlines;
import org.redress.cases.CaseSummary.Deadline;
import org.redress.cases.PlaybookStep;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The most pressing target of each case in a list: the earliest due that is not paused, or
 * a paused one when all are; with the business time left, as the case page counts it. The
 * clocks this transaction has just started for a new case are taken as it started them
 * ({@link StartedClocks}) rather than read back.
 */
@Component
class QueueDeadlines implements CaseDeadlines {

    private final JdbcClient jdbc;
    private final SlaManagement sla;
    private final Clock clock;

    QueueDeadlines(JdbcClient jdbc, SlaManagement sla, Clock clock) {
        this.jdbc = jdbc;
        this.sla = sla;
        this.clock = clock;
    }

    @Override
    public Map<Long, Deadline> mostPressing(Collection<Long> caseIds) {
        if (caseIds.isEmpty()) {
            return Map.of();
        }
        Instant now = clock.instant();
        Map<Long, Deadline> pressing = new HashMap<>();
        List<Long> toRead = new ArrayList<>(caseIds.size());
        for (long caseId : caseIds) {
            List<StartedClocks.Started> started = StartedClocks.of(caseId);
            if (started == null) {
                toRead.add(caseId);
                continue;
            }
            for (StartedClocks.Started running : started) {
                pressing.merge(caseId, deadline(running.target().name(), running.policyId(), running.warnAt(),
                    running.dueAt(), null, now), QueueDeadlines::morePressing);
            }
        }
        if (toRead.isEmpty()) {
            return pressing;
        }
        jdbc.sql("""
                select case_id, target, policy_id, warn_at, due_at, paused_at from sla_clocks
                where case_id in (:ids) and met_at is null and stopped_at is null""")
            .param("ids", toRead)
            .query(rs -> {
                java.sql.Timestamp pausedAt = rs.getTimestamp("paused_at");
                pressing.merge(rs.getLong("case_id"), deadline(rs.getString("target"), rs.getLong("policy_id"),
                    rs.getTimestamp("warn_at").toInstant(), rs.getTimestamp("due_at").toInstant(),
                    pausedAt == null ? null : pausedAt.toInstant(), now), QueueDeadlines::morePressing);
            });
        return pressing;
    }

    private Deadline deadline(String target, long policyId, Instant warnAt, Instant due, @Nullable Instant pausedAt,
                              Instant now) {
        BusinessHours hours = sla.policy(policyId).map(sla::hoursOf).orElseGet(() -> BusinessHours.always(ZoneOffset.UTC));
        Deadline.State state;
        Duration left;
        if (pausedAt != null) {
            state = Deadline.State.PAUSED;
            left = hours.between(pausedAt, due);
        } else if (!now.isBefore(due)) {
            state = Deadline.State.BREACHED;
            left = hours.between(due, now).negated();
        } else {
            state = !now.isBefore(warnAt) ? Deadline.State.AT_RISK : Deadline.State.ON_TRACK;
            left = hours.between(now, due);
        }
        return new Deadline(PlaybookStep.valueOf(target), due, state, left.toMinutes());
    }

    private static Deadline morePressing(Deadline a, Deadline b) {
        boolean aPaused = a.state() == Deadline.State.PAUSED;
        boolean bPaused = b.state() == Deadline.State.PAUSED;
        if (aPaused != bPaused) {
            return aPaused ? b : a;
        }
        return a.dueAt().isAfter(b.dueAt()) ? b : a;
    }
}
