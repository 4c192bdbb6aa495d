package org.redress.cases;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.redress.shared.InvalidInput;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lists of cases: filtered API pages with keyset pagination (stable while cases are
 * added, and as fast on page 1,000 as on page 1), and the lines of other modules' lists
 * (the queue, kept by the sla module, orders cases and asks for their lines here).
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

    private static final String SELECT = """
        select c.id, c.status, c.outcome, c.severity, c.category, c.channel, c.subject, c.customer_id,
               coalesce(cu.name, cu.email, cu.external_ref) as customer_name, c.assignee_id, u.name as assignee_name,
               c.opened_at, c.updated_at
        from recovery_cases c
        join customers cu on cu.id = c.customer_id
        left join users u on u.id = c.assignee_id
        """;

    private final JdbcClient jdbc;
    // Provided by the sla module when it runs; a module test of cases alone lists without deadlines.
    private final ObjectProvider<CaseDeadlines> deadlines;

    CaseSearch(JdbcClient jdbc, ObjectProvider<CaseDeadlines> deadlines) {
        this.jdbc = jdbc;
        this.deadlines = deadlines;
    }

    /** Whether the customer has a case that is not closed: someone is already recovering them. */
    public boolean hasOpenCase(long customerId) {
        return jdbc.sql("select count(*) from recovery_cases where customer_id = ? and status <> 'CLOSED'")
            .param(customerId).query(Long.class).single() > 0;
    }

    /** Every case of the customer, merged ones too, oldest first, whoever may open them: for their personal data. */
    public List<Long> allOfCustomer(long customerId) {
        return jdbc.sql("select id from recovery_cases where customer_id = ? order by id").param(customerId).query(Long.class).list();
    }

    /** The numbers of the customer's cases that are not closed yet, oldest first. */
    public List<String> openOfCustomer(long customerId) {
        return jdbc.sql("select id from recovery_cases where customer_id = ? and status <> 'CLOSED' order by id").param(customerId)
            .query(Long.class).list().stream().map(CaseNumber::format).toList();
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
     * The customer's most recent other cases in the reader's scope, newest first; for the case
     * page, which shows their number, subject and status only (so one query, without the
     * steps and deadlines a queue row needs).
     */
    public List<CaseSummary> othersOfCustomer(long customerId, long except, CaseScope scope, int limit) {
        return jdbc.sql(SELECT + " where " + scope.onCases("c") + " and c.customer_id = :customer and c.id <> :except"
                + " order by c.id desc limit :limit")
            .param("customer", customerId).param("except", except).param("limit", limit)
            .query(this::row).list();
    }

    /** Those of the cases with these ids that are in the reader's scope, in no particular order; for other modules' lists. */
    public List<CaseSummary> summaries(java.util.Collection<Long> ids, CaseScope scope) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return completed(jdbc.sql(SELECT + " where c.id in (:ids) and " + scope.onCases("c"))
            .param("ids", List.copyOf(ids)).query(this::row).list());
    }

    /** The same cases in the order of the ids given, leaving out those not in the reader's scope. */
    public List<CaseSummary> summariesInOrder(List<Long> ids, CaseScope scope) {
        Map<Long, CaseSummary> byId = new HashMap<>();
        summaries(ids, scope).forEach(summary -> byId.put(summary.id(), summary));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
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
        Map<Long, CaseSummary.Deadline> pressing = deadlines.stream().findFirst()
            .map(source -> source.mostPressing(ids)).orElse(Map.of());
        List<CaseSummary> result = new ArrayList<>(rows.size());
        for (CaseSummary row : rows) {
            Set<PlaybookStep> stepsDone = done.getOrDefault(row.id(), Set.of());
            boolean closed = row.status() == CaseStatus.CLOSED;
            result.add(row.completed(closed ? null : Playbook.next(stepsDone).orElse(null),
                closed ? null : pressing.get(row.id())));
        }
        return result;
    }

    private static CaseStatus status(String value) {
        String normalised = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(CaseStatus.values()).filter(s -> s.name().equals(normalised)).findFirst()
            .orElseThrow(() -> InvalidInput.field("status", "'" + value + "' is not a status; use one of "
                + String.join(", ", Arrays.stream(CaseStatus.values()).map(s -> s.name().toLowerCase(Locale.ROOT)).toList())));
    }
}
