package org.redress.sla;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.redress.cases.CaseScope;
import org.redress.cases.CaseSearch;
import org.redress.cases.CaseSummary;
import org.redress.identity.RedressUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The work queue: the open cases a person may open, soonest due first, filtered and paged.
 * It lives beside the clocks because it sorts by them. The open views read the queue's read
 * model alone ({@code sla_queue}: one row per open case with its next due time and what it is
 * filtered by, see {@link QueueRows}); recently closed cases come from the case table by its
 * documented columns. The lines are then the cases module's summaries.
 */
@Service
@Transactional(readOnly = true)
public class CaseQueue {

    /** A page of the queue; {@code next} is whether another page follows. */
    public record Page(List<CaseSummary> cases, boolean next) {}

    /** Open cases per view and the ones whose time is short, for the tabs' counters. */
    @Schema(name = "QueueCounts", description = "Open cases you may open, per view, and those whose time is short.")
    public record Counts(@Schema(description = "Assigned to you.") long mine,
                         @Schema(description = "Of your team (0 without a team).") long team,
                         @Schema(description = "Held by nobody.") long unassigned,
                         @Schema(description = "All open.") long open,
                         @Schema(description = "With a running target past its warning share, not yet due.") long atRisk,
                         @Schema(description = "With a running target past due.") long missed) {}

    private final JdbcClient jdbc;
    private final CaseSearch search;
    private final QueueCounters counters;
    private final Clock clock;

    CaseQueue(JdbcClient jdbc, CaseSearch search, QueueCounters counters, Clock clock) {
        this.jdbc = jdbc;
        this.search = search;
        this.counters = counters;
        this.clock = clock;
    }

    public Page page(QueueQuery query, RedressUser me) {
        if (query.view() == QueueQuery.View.TEAM && me.teamId() == null) {
            return new Page(List.of(), false);
        }
        Map<String, Object> params = new HashMap<>();
        String sql = query.view() == QueueQuery.View.CLOSED
            ? "select c.id from recovery_cases c where c.status = 'CLOSED'" + where(query, me, params)
              + " order by c.closed_at desc, c.id desc"
            // Open cases: the queue's read model alone, which holds one row per open case and what it is filtered by.
            : "select q.case_id from sla_queue q where 1 = 1" + where(query, me, params)
              + (query.sort() == QueueQuery.Sort.SEVERITY ? " order by q.severity, q.opened_at, q.case_id"
                 : " order by q.due_at nulls last, q.case_id");
        params.put("limit", QueueQuery.PAGE_SIZE + 1);
        params.put("offset", (query.page() - 1) * QueueQuery.PAGE_SIZE);
        List<Long> ids = jdbc.sql(sql + " limit :limit offset :offset").params(params).query(Long.class).list();
        boolean next = ids.size() > QueueQuery.PAGE_SIZE;
        List<Long> shown = next ? ids.subList(0, QueueQuery.PAGE_SIZE) : ids;
        return new Page(search.summariesInOrder(shown, CaseScope.of(me)), next);
    }

    /** How many cases a query finds (its first page aside), for a saved view's counter. */
    public long count(QueueQuery query, RedressUser me) {
        if (query.view() == QueueQuery.View.TEAM && me.teamId() == null) {
            return 0;
        }
        Map<String, Object> params = new HashMap<>();
        String sql = query.view() == QueueQuery.View.CLOSED
            ? "select count(*) from recovery_cases c where c.status = 'CLOSED'" + where(query, me, params)
            : "select count(*) from sla_queue q where 1 = 1" + where(query, me, params);
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    /**
     * The counters of the tabs: one pass over the reader's open cases in the queue's read
     * model (a few thousand narrow rows for a team, at most one per open case), kept a few
     * seconds while the queue does not change ({@link QueueCounters}).
     */
    public Counts counts(RedressUser me) {
        return counters.of(me, () -> countNow(me));
    }

    private Counts countNow(RedressUser me) {
        return jdbc.sql("select count(*) filter (where q.assignee_id = :user) as mine,"
                + " count(*) filter (where q.team_id = :team) as team,"
                + " count(*) filter (where q.assignee_id is null) as unassigned,"
                + " count(*) as open_cases,"
                + " count(*) filter (where q.warn_at <= :now and q.due_at > :now) as at_risk,"
                + " count(*) filter (where q.due_at <= :now) as missed"
                + " from sla_queue q where " + CaseScope.of(me).onCases("q"))
            .param("user", me.id()).param("team", me.teamId() == null ? -1L : me.teamId())
            .param("now", Timestamp.from(clock.instant()))
            .query((rs, n) -> new Counts(rs.getLong("mine"), rs.getLong("team"), rs.getLong("unassigned"),
                rs.getLong("open_cases"), rs.getLong("at_risk"), rs.getLong("missed")))
            .single();
    }

    /** Whether a case the person may open was opened or changed after this instant (for the live queue). */
    public boolean changedSince(java.time.Instant since, RedressUser me) {
        return jdbc.sql("select count(*) from (select 1 from recovery_cases c where c.updated_at > ? and "
                + CaseScope.of(me).onCases("c") + " limit 1) changed")
            .param(Timestamp.from(since)).query(Long.class).single() > 0;
    }

    /**
     * The case "take next" gives: the most urgent (soonest due) open case nobody holds, of the
     * person's team, or of the shared inbox when they have no team or their team has none.
     */
    public Optional<Long> mostUrgentUnassigned(RedressUser me) {
        String teamCase = me.teamId() == null ? "q.team_id is null" : "q.team_id = " + me.teamId();
        Optional<Long> ofTeam = firstUnassigned(teamCase);
        return ofTeam.isPresent() || me.teamId() == null ? ofTeam : firstUnassigned("q.team_id is null");
    }

    private Optional<Long> firstUnassigned(String teamCondition) {
        return jdbc.sql("select q.case_id from sla_queue q where q.assignee_id is null and " + teamCondition
                + " order by q.due_at nulls last, q.case_id limit 1")
            .query(Long.class).optional();
    }

    // The view, the filters and the reader's scope, as conditions on the queue's row (q), or for
    // recently closed cases on the case (c): both name their columns alike.
    private String where(QueueQuery query, RedressUser me, Map<String, Object> params) {
        String on = query.view() == QueueQuery.View.CLOSED ? "c" : "q";
        StringBuilder where = new StringBuilder(" and ").append(CaseScope.of(me).onCases(on));
        switch (query.view()) {
            case MINE -> condition(where, params, on + ".assignee_id = :me", "me", me.id());
            case TEAM -> condition(where, params, on + ".team_id = :myTeam", "myTeam", me.teamId());
            case UNASSIGNED -> where.append(" and ").append(on).append(".assignee_id is null");
            case OPEN, CLOSED -> { }
        }
        condition(where, params, on + ".team_id = :team", "team", query.team());
        condition(where, params, on + ".assignee_id = :assignee", "assignee", query.assignee());
        condition(where, params, on + ".severity = :severity", "severity", query.severity());
        condition(where, params, on + ".category = :category", "category", query.category());
        condition(where, params, on + ".channel = :channel", "channel", channelName(query.channel()));
        condition(where, params, on + ".status = :status", "status", query.status() == null ? null : query.status().name());
        if (query.view() != QueueQuery.View.CLOSED && (query.atRisk() || query.missed())) {
            params.put("now", Timestamp.from(clock.instant()));
            String atRisk = "(q.warn_at <= :now and q.due_at > :now)";
            String missed = "q.due_at <= :now";
            where.append(" and ").append(query.atRisk() && query.missed() ? "(" + atRisk + " or " + missed + ")"
                : query.atRisk() ? atRisk : missed);
        }
        return where.toString();
    }

    private static void condition(StringBuilder where, Map<String, Object> params, String sql, String name, @Nullable Object value) {
        if (value != null) {
            where.append(" and ").append(sql);
            params.put(name, value);
        }
    }

    // The case table stores the channel's enum name; the URL carries its code.
    private static @Nullable String channelName(@Nullable String code) {
        return code == null ? null : org.redress.cases.Channel.parse("channel", code).name();
    }
}
