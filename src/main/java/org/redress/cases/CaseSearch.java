package org.redress.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.redress.identity.RedressUser;
import org.redress.shared.InvalidInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lists of cases: filtered API pages with keyset pagination (stable while cases are
 * added, and as fast on page 1,000 as on page 1), and the agent's work queues.
 */
@Service
@Transactional(readOnly = true)
public class CaseSearch {

    public static final int MAX_LIMIT = 200;

    /** Filters; null means "any". {@code unassigned} limits to cases without an assignee. */
    public record Filter(@Nullable String status, @Nullable Long assigneeId, boolean unassigned,
                         @Nullable Long customerId, @Nullable String category, @Nullable Long teamId) {

        public static Filter none() {
            return new Filter(null, null, false, null, null, null);
        }
    }

    /** Work queues in the console. */
    public enum Queue { MINE, TEAM, UNASSIGNED, ALL_OPEN, CLOSED }

    /** How an open queue is ordered: by severity then waiting time, or by the time left to the next target. */
    public enum QueueOrder { URGENCY, TIME_LEFT }

    // The earliest due time of the case's running clocks (owned by the sla module, read only).
    private static final String NEXT_DUE = """
        (select min(k.due_at) from sla_clocks k
         where k.case_id = c.id and k.met_at is null and k.stopped_at is null and k.paused_at is null)""";

    private static final String SELECT = """
        select c.id, c.status, c.outcome, c.severity, c.category, c.channel, c.subject, c.customer_id,
               coalesce(cu.name, cu.email, cu.external_ref) as customer_name, c.assignee_id, u.name as assignee_name,
               c.opened_at, c.updated_at
        from recovery_cases c
        join customers cu on cu.id = c.customer_id
        left join users u on u.id = c.assignee_id
        """;

    private final JdbcClient jdbc;
    private final Clock clock;

    CaseSearch(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Whether the customer has a case that is not closed: someone is already recovering them. */
    public boolean hasOpenCase(long customerId) {
        return jdbc.sql("select count(*) from recovery_cases where customer_id = ? and status <> 'CLOSED'")
            .param(customerId).query(Long.class).single() > 0;
    }

    /** Newest first, only cases in the reader's scope. The cursor is the id of the last case of the previous page. */
    public CasePage page(Filter filter, CaseScope scope, @Nullable String cursor, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInput.field("limit", "must be from 1 to " + MAX_LIMIT);
        }
        Long before = cursor == null || cursor.isBlank() ? null : CaseNumber.parse(cursor)
            .orElseThrow(() -> InvalidInput.field("cursor", "is not a cursor returned by this API"));
        StringBuilder where = new StringBuilder(" where " + scope.onCases("c"));
        Map<String, Object> params = new HashMap<>();
        if (filter.status() != null) {
            where.append(" and c.status = :status");
            params.put("status", status(filter.status()).name());
        }
        if (filter.assigneeId() != null) {
            where.append(" and c.assignee_id = :assignee");
            params.put("assignee", filter.assigneeId());
        }
        if (filter.unassigned()) {
            where.append(" and c.assignee_id is null");
        }
        if (filter.customerId() != null) {
            where.append(" and c.customer_id = :customer");
            params.put("customer", filter.customerId());
        }
        if (filter.category() != null) {
            where.append(" and c.category = :category");
            params.put("category", filter.category().trim().toLowerCase(Locale.ROOT));
        }
        if (filter.teamId() != null) {
            where.append(" and c.team_id = :team");
            params.put("team", filter.teamId());
        }
        if (before != null) {
            where.append(" and c.id < :before");
            params.put("before", before);
        }
        params.put("limit", limit + 1);
        List<CaseSummary> rows = completed(jdbc.sql(SELECT + where + " order by c.id desc limit :limit")
            .params(params).query(this::row).list());
        if (rows.size() <= limit) {
            return new CasePage(rows, null);
        }
        List<CaseSummary> items = rows.subList(0, limit);
        return new CasePage(List.copyOf(items), String.valueOf(items.get(limit - 1).id()));
    }

    /**
     * A work queue of the cases this person may open, most urgent first: severity, then the
     * oldest waiting; or the case whose next target is due soonest (missed ones first, cases
     * with no running target last). A queue holds at most {@link #MAX_LIMIT} cases.
     */
    public List<CaseSummary> queue(Queue queue, RedressUser me, QueueOrder order) {
        long userId = me.id();
        Long teamId = me.teamId();
        String where = switch (queue) {
            case MINE -> " where c.status <> 'CLOSED' and c.assignee_id = :user";
            case TEAM -> " where c.status <> 'CLOSED' and c.team_id = :team";
            case UNASSIGNED -> " where c.status <> 'CLOSED' and c.assignee_id is null";
            case ALL_OPEN -> " where c.status <> 'CLOSED'";
            case CLOSED -> " where c.status = 'CLOSED'";
        } + " and " + CaseScope.of(me).onCases("c");
        String orderBy = queue == Queue.CLOSED ? " order by c.closed_at desc"
            : order == QueueOrder.TIME_LEFT ? " order by " + NEXT_DUE + " nulls last, c.severity, c.opened_at"
            : " order by c.severity, c.opened_at";
        if (queue == Queue.TEAM && teamId == null) {
            return List.of();
        }
        Map<String, Object> params = new HashMap<>();
        params.put("user", userId);
        params.put("team", teamId == null ? -1L : teamId);
        params.put("limit", MAX_LIMIT);
        return completed(jdbc.sql(SELECT + where + orderBy + " limit :limit").params(params).query(this::row).list());
    }

    /** Those of the cases with these ids that are in the reader's scope, in no particular order; for other modules' lists. */
    public List<CaseSummary> summaries(java.util.Collection<Long> ids, CaseScope scope) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return completed(jdbc.sql(SELECT + " where c.id in (:ids) and " + scope.onCases("c"))
            .param("ids", List.copyOf(ids)).query(this::row).list());
    }

    /** Open cases in each queue this person may open, for the tabs' counters. */
    public Map<Queue, Long> queueSizes(RedressUser me) {
        record Counts(long mine, long team, long unassigned, long open) {}
        Counts counts = jdbc.sql("""
                select sum(case when c.assignee_id = :user then 1 else 0 end) as mine,
                       sum(case when c.team_id = :team then 1 else 0 end) as team,
                       sum(case when c.assignee_id is null then 1 else 0 end) as unassigned,
                       count(*) as open
                from recovery_cases c where c.status <> 'CLOSED' and\s""" + CaseScope.of(me).onCases("c"))
            .param("user", me.id()).param("team", me.teamId() == null ? -1L : me.teamId())
            .query((rs, n) -> new Counts(rs.getLong("mine"), rs.getLong("team"), rs.getLong("unassigned"), rs.getLong("open")))
            .single();
        return Map.of(Queue.MINE, counts.mine(), Queue.TEAM, counts.team(), Queue.UNASSIGNED, counts.unassigned(),
            Queue.ALL_OPEN, counts.open());
    }

    private CaseSummary row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        long id = rs.getLong("id");
        String outcome = rs.getString("outcome");
        return new CaseSummary(id, CaseNumber.format(id), CaseStatus.valueOf(rs.getString("status")),
            outcome == null ? null : Outcome.valueOf(outcome), rs.getInt("severity"), rs.getString("category"),
            Channel.valueOf(rs.getString("channel")).code(), rs.getString("subject"), rs.getLong("customer_id"), rs.getString("customer_name"),
            rs.getObject("assignee_id", Long.class), rs.getString("assignee_name"), null,
            rs.getTimestamp("opened_at").toInstant(), rs.getTimestamp("updated_at").toInstant(), null);
    }

    // One query for the steps, one for the deadlines, of every case on the page, rather than per case.
    private List<CaseSummary> completed(List<CaseSummary> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        List<Long> ids = rows.stream().map(CaseSummary::id).toList();
        Map<Long, Set<PlaybookStep>> done = new HashMap<>();
        jdbc.sql("select recovery_case, step from case_steps where recovery_case in (:ids)")
            .param("ids", ids)
            .query(rs -> {
                done.computeIfAbsent(rs.getLong("recovery_case"), id -> EnumSet.noneOf(PlaybookStep.class))
                    .add(PlaybookStep.valueOf(rs.getString("step")));
            });
        Map<Long, CaseSummary.Deadline> pressing = deadlines(ids);
        List<CaseSummary> result = new ArrayList<>(rows.size());
        for (CaseSummary row : rows) {
            Set<PlaybookStep> stepsDone = done.getOrDefault(row.id(), Set.of());
            boolean closed = row.status() == CaseStatus.CLOSED;
            result.add(row.completed(closed ? null : Playbook.next(stepsDone).orElse(null),
                closed ? null : pressing.get(row.id())));
        }
        return result;
    }

    /**
     * The most pressing running clock of each case: the earliest due that is not paused, or
     * a paused one when all are. The clocks belong to the sla module; lists read them here
     * (read only, by their documented columns) so that a queue can show and sort by them
     * without the cases module depending on that module.
     */
    private Map<Long, CaseSummary.Deadline> deadlines(List<Long> ids) {
        Instant now = clock.instant();
        Map<Long, CaseSummary.Deadline> pressing = new HashMap<>();
        jdbc.sql("""
                select case_id, target, warn_at, due_at, paused_at from sla_clocks
                where case_id in (:ids) and met_at is null and stopped_at is null""")
            .param("ids", ids)
            .query(rs -> {
                Instant due = rs.getTimestamp("due_at").toInstant();
                CaseSummary.Deadline.State state = rs.getTimestamp("paused_at") != null ? CaseSummary.Deadline.State.PAUSED
                    : !now.isBefore(due) ? CaseSummary.Deadline.State.BREACHED
                    : !now.isBefore(rs.getTimestamp("warn_at").toInstant()) ? CaseSummary.Deadline.State.AT_RISK
                    : CaseSummary.Deadline.State.ON_TRACK;
                CaseSummary.Deadline candidate = new CaseSummary.Deadline(PlaybookStep.valueOf(rs.getString("target")), due, state);
                pressing.merge(rs.getLong("case_id"), candidate, CaseSearch::morePressing);
            });
        return pressing;
    }

    private static CaseSummary.Deadline morePressing(CaseSummary.Deadline a, CaseSummary.Deadline b) {
        boolean aPaused = a.state() == CaseSummary.Deadline.State.PAUSED;
        boolean bPaused = b.state() == CaseSummary.Deadline.State.PAUSED;
        if (aPaused != bPaused) {
            return aPaused ? b : a;
        }
        return a.dueAt().isAfter(b.dueAt()) ? b : a;
    }

    private static CaseStatus status(String value) {
        String normalised = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(CaseStatus.values()).filter(s -> s.name().equals(normalised)).findFirst()
            .orElseThrow(() -> InvalidInput.field("status", "'" + value + "' is not a status; use one of "
                + String.join(", ", Arrays.stream(CaseStatus.values()).map(s -> s.name().toLowerCase(Locale.ROOT)).toList())));
    }
}
