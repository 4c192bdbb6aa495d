package org.redress.insights;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps {@code insight_case_facts}: reads the cases changed since the last run (by their
 * {@code updated_at}, the cases module's documented column, which every change moves) with
 * their first acknowledgement, agreement and fulfilment, and writes their facts again; and
 * reads the business events stored since its last run for when a customer was next active
 * after a case closed (retention). A
 * scheduled job, so the reports cost the cases' own transactions nothing; idempotent, so a
 * case read twice (the overlap) is simply written twice. In the same transaction it counts
 * again the daily figures ({@link DailyFigures}) of every day the cases it read touch, and
 * writes again what retention keeps for their customers ({@link CustomerActivity}).
 */
@Component
class CaseFacts {

    /** Cases read per run: a backlog (the first run over an existing database) is worked off run by run. */
    static final int BATCH = 5_000;
    // A transaction that began before the last run and committed after it carries an earlier
    // updated_at than the run saw: read a minute back each time.
    private static final Duration OVERLAP = Duration.ofMinutes(1);
    /** Business events that show a customer doing business with us again: what retention counts. */
    static final String ACTIVITY = "'ORDER_PLACED', 'SERVICE_VISIT'";
    /**
     * In SQL, the whole seconds from one moment to a later one, rounded up: "within 30 days" is
     * then {@code <= 30 * 86400}, true exactly when the later one is at most 30 days after.
     */
    static String secondsBetween(String from, String to) {
        return "cast(ceil(extract(epoch from " + to + ") - extract(epoch from " + from + ")) as bigint)";
    }

    /** Business events read per run for retention. */
    static final int EVENT_BATCH = 50_000;
    // Events are numbered when stored, and a batch committing late may hold numbers below ones
    // already read: read this many numbers back each time (re-reading changes nothing).
    private static final int EVENT_OVERLAP = 10_000;

    private final JdbcClient jdbc;
    private final RemedyFacts remedies;
    private final SurveyFacts surveys;
    private final PromiseFacts promises;
    private final DailyFigures daily;
    private final CustomerActivity activity;
    private final Clock clock;
    private final int batch;

    @org.springframework.beans.factory.annotation.Autowired
    CaseFacts(JdbcClient jdbc, RemedyFacts remedies, SurveyFacts surveys, PromiseFacts promises, DailyFigures daily,
              CustomerActivity activity, Clock clock) {
        this(jdbc, remedies, surveys, promises, daily, activity, clock, BATCH);
    }

    CaseFacts(JdbcClient jdbc, RemedyFacts remedies, SurveyFacts surveys, PromiseFacts promises, DailyFigures daily,
              CustomerActivity activity, Clock clock, int batch) {
        this.jdbc = jdbc;
        this.remedies = remedies;
        this.surveys = surveys;
        this.promises = promises;
        this.daily = daily;
        this.activity = activity;
        this.clock = clock;
        this.batch = batch;
    }

    int batch() {
        return batch;
    }

    private record Source(long caseId, long customerId, @Nullable Long teamId, @Nullable Long assigneeId, String category,
                          String channel, int severity, Instant openedAt, Instant updatedAt, @Nullable Instant acknowledgedAt,
                          @Nullable Instant agreedAt, @Nullable Instant fulfilledAt, @Nullable Instant closedAt,
                          @Nullable String outcome, @Nullable String closeReason, @Nullable String acknowledgeSla,
                          @Nullable String resolveSla, @Nullable String fulfilSla, int promisesOnTime, int promisesLate,
                          int promisesBroken, @Nullable Instant activeAgainAt, boolean apologized,
                          @Nullable String rootCause, @Nullable String responsibility, @Nullable String tier,
                          int reopened, boolean confirmed) {}

    // How the case's clock of this target ended: by its due time, after it (or missed), or not yet.
    private static String sla(String target) {
        return "(select case when k.met_at is not null and k.met_at <= k.due_at then 'ON_TIME'"
            + " when k.met_at is not null or k.breached_at is not null then 'LATE' end"
            + " from sla_clocks k where k.case_id = c.id and k.target = '" + target + "')";
    }

    /** Brings the facts up to date with the cases changed since the last run; returns how many it read (at most a batch). */
    @Transactional
    public int refresh() {
        record Mark(Instant since, long afterCaseId) {}
        Mark mark = jdbc.sql("select changed_since, after_case_id from insight_refresh where id = 1 for update")
            .query((rs, n) -> new Mark(rs.getTimestamp("changed_since").toInstant(), rs.getLong("after_case_id"))).single();
        if (!daily.counted()) {
            daily.recountAll();
        }
        if (!activity.counted()) {
            activity.recountAll();
        }
        // Caught up: a minute back again. In a backlog: exactly after the last case read, so that
        // thousands of cases changed at one instant (a bulk import) are still read a batch at a time.
        String after = mark.afterCaseId() == 0 ? "c.updated_at >= :since"
            : "(c.updated_at > :since or (c.updated_at = :since and c.id > :after))";
        Instant since = mark.afterCaseId() == 0 ? mark.since().minus(OVERLAP) : mark.since();
        List<Source> changed = jdbc.sql("""
                select c.id, c.customer_id, c.team_id, c.assignee_id, c.category, c.channel, c.severity, c.opened_at,
                       c.updated_at, c.closed_at, c.outcome, c.close_reason, c.root_cause, c.responsibility,
                       (select cu.tier from customers cu where cu.id = c.customer_id) tier,
                       (select count(*) from case_timeline t where t.case_id = c.id and t.kind = 'reopened') reopened,
                       (select min(s.done_at) from case_steps s where s.recovery_case = c.id and s.step = 'ACKNOWLEDGE') acknowledged_at,
                       (select min(s.done_at) from case_steps s where s.recovery_case = c.id and s.step = 'RESOLVE') agreed_at,
                       (select min(s.done_at) from case_steps s where s.recovery_case = c.id and s.step = 'FULFIL') fulfilled_at,
                       (select count(*) from case_steps s where s.recovery_case = c.id and s.step = 'APOLOGIZE') apologies,
                       """ + sla("ACKNOWLEDGE") + " acknowledge_sla, " + sla("RESOLVE") + " resolve_sla, " + sla("FULFIL") + """
                        fulfil_sla,
                       (select count(*) from promises p where p.case_id = c.id and p.status = 'KEPT' and p.settled_at <= p.due_at) promises_on_time,
                       (select count(*) from promises p where p.case_id = c.id and p.status = 'KEPT' and p.settled_at > p.due_at) promises_late,
                       (select count(*) from promises p where p.case_id = c.id and p.status = 'BROKEN') promises_broken,
                       case when exists (select 1 from survey_invitations i join surveys s on s.id = i.survey_id
                         where i.case_id = c.id and (""" + Wins.CONFIRMED + """
                         )) then 1 else 0 end confirmed,
                       (select min(e.occurred_at) from business_events e
                        where e.customer_ref = (select cu.external_ref from customers cu where cu.id = c.customer_id)
                          and e.type in (""" + ACTIVITY + ") and e.occurred_at > c.closed_at) active_again_at"
                + " from recovery_cases c where " + after + " order by c.updated_at, c.id limit :batch")
            .param("since", Timestamp.from(since)).param("after", mark.afterCaseId()).param("batch", batch)
            .query((rs, n) -> new Source(rs.getLong("id"), rs.getLong("customer_id"), rs.getObject("team_id", Long.class),
                rs.getObject("assignee_id", Long.class), rs.getString("category"), rs.getString("channel"), rs.getInt("severity"),
                rs.getTimestamp("opened_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                instant(rs.getTimestamp("acknowledged_at")), instant(rs.getTimestamp("agreed_at")),
                instant(rs.getTimestamp("fulfilled_at")), instant(rs.getTimestamp("closed_at")), rs.getString("outcome"),
                rs.getString("close_reason"), rs.getString("acknowledge_sla"), rs.getString("resolve_sla"),
                rs.getString("fulfil_sla"), rs.getInt("promises_on_time"), rs.getInt("promises_late"), rs.getInt("promises_broken"),
                instant(rs.getTimestamp("active_again_at")), rs.getLong("apologies") > 0,
                rs.getString("root_cause"), rs.getString("responsibility"), rs.getString("tier"), rs.getInt("reopened"),
                rs.getInt("confirmed") == 1))
            .list();
        Instant now = clock.instant();
        if (changed.isEmpty()) {
            // Caught up: the days a backlog left waiting, if its last batch was a full one.
            daily.recount(Set.of());
            jdbc.sql("update insight_refresh set refreshed_at = ? where id = 1").param(Timestamp.from(now)).update();
            return 0;
        }
        // The days whose figures change: each case's days of opening and closing, before and after.
        Set<LocalDate> days = new HashSet<>();
        // Their customers, before and after: where those customers' cases stood changes.
        Set<Long> customers = new HashSet<>();
        for (int from = 0; from < changed.size(); from += 500) {
            write(changed.subList(from, Math.min(changed.size(), from + 500)), now, days, customers);
        }
        recurrences(changed, days);
        boolean backlog = changed.size() == batch;
        if (backlog) {
            // More to read: the days are counted once, when it has caught up (ADR 16).
            daily.later(days);
        } else {
            daily.recount(days);
        }
        activity.recountCustomers(customers);
        Source last = changed.get(changed.size() - 1);
        Instant reached = last.updatedAt().isAfter(mark.since()) || backlog ? last.updatedAt() : mark.since();
        jdbc.sql("update insight_refresh set changed_since = ?, after_case_id = ?, refreshed_at = ? where id = 1")
            .params(Timestamp.from(reached), backlog ? last.caseId() : 0L, Timestamp.from(now)).update();
        return changed.size();
    }

    /**
     * Moves "active again" earlier for the closed cases of the customers that business events
     * stored since the last run show active after the close (the facts read with a case
     * already have what was stored before), and writes again the activity retention keeps for
     * the customers whose events bring a moment not kept yet. Returns how many events it read.
     */
    @Transactional
    public int refreshActivity() {
        long after = jdbc.sql("select events_after_id from insight_refresh where id = 1 for update").query(Long.class).single();
        long from = Math.max(0, after - EVENT_OVERLAP);
        long newest = jdbc.sql("select coalesce(max(id), 0) from business_events").query(Long.class).single();
        long upTo = Math.min(newest, after + EVENT_BATCH);
        if (upTo <= after) {
            return 0;
        }
        record Again(long caseId, Instant at) {}
        List<Again> again = jdbc.sql("""
                select f.case_id, min(e.occurred_at) active_at
                from business_events e
                join customers cu on cu.external_ref = e.customer_ref
                join insight_case_facts f on f.customer_id = cu.id and f.closed_at < e.occurred_at
                where e.id > ? and e.id <= ? and e.type in (""" + ACTIVITY + ") group by f.case_id")
            .params(from, upTo)
            .query((rs, n) -> new Again(rs.getLong("case_id"), rs.getTimestamp("active_at").toInstant())).list();
        for (Again one : again) {
            Timestamp at = Timestamp.from(one.at());
            jdbc.sql("update insight_case_facts set active_again_at = ?, seconds_to_again = "
                    + secondsBetween("closed_at", "cast(? as timestamp with time zone)")
                    + " where case_id = ? and (active_again_at is null or active_again_at > ?)")
                .params(at, at, one.caseId(), at).update();
        }
        // The customers with a moment of activity not yet kept: their activity is written again.
        if (activity.counted()) {
            activity.recountRefs(jdbc.sql("select distinct e.customer_ref from business_events e where e.id > ? and e.id <= ?"
                    + " and e.type in (" + ACTIVITY + ") and not exists (select 1 from insight_activity a"
                    + " where a.customer_ref = e.customer_ref and a.occurred_at = e.occurred_at)")
                .params(from, upTo).query(String.class).list());
        }
        jdbc.sql("update insight_refresh set events_after_id = ? where id = 1").param(upTo).update();
        return (int) (upTo - after);
    }

    private void write(List<Source> cases, Instant now, Set<LocalDate> days, Set<Long> customers) {
        List<Long> ids = cases.stream().map(Source::caseId).toList();
        daysOf("select opened_at, closed_at from insight_case_facts where case_id in (:ids)", ids, days);
        customers.addAll(jdbc.sql("select customer_id from insight_case_facts where case_id in (:ids)").param("ids", ids)
            .query(Long.class).list());
        for (Source c : cases) {
            customers.add(c.customerId());
            days.add(daily.day(c.openedAt()));
            if (c.closedAt() != null) {
                days.add(daily.day(c.closedAt()));
            }
        }
        // The days these cases' remedies were asked for and granted on, before and after: their goodwill changes.
        String remedyDays = "select created_at, granted_at from insight_remedy_facts where case_id in (:ids)";
        daysOf(remedyDays, ids, days);
        jdbc.sql("delete from insight_case_facts where case_id in (:ids)").param("ids", ids).update();
        remedies.write(ids, now);
        daysOf(remedyDays, ids, days);
        StringBuilder sql = new StringBuilder("""
            insert into insight_case_facts (case_id, customer_id, team_id, assignee_id, category, channel, severity, opened_at,
                acknowledged_at, agreed_at, fulfilled_at, closed_at, outcome, close_reason, seconds_to_acknowledge,
                seconds_to_agree, seconds_to_fulfil, acknowledge_sla, resolve_sla, fulfil_sla, promises_on_time, promises_late,
                promises_broken, active_again_at, apologized, root_cause, responsibility, tier, reopened, confirmed, refreshed_at)
                values """);
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Source c = cases.get(i);
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            params.add(c.caseId());
            params.add(c.customerId());
            params.add(c.teamId());
            params.add(c.assigneeId());
            params.add(c.category());
            params.add(c.channel());
            params.add(c.severity());
            params.add(Timestamp.from(c.openedAt()));
            params.add(timestamp(c.acknowledgedAt()));
            params.add(timestamp(c.agreedAt()));
            params.add(timestamp(c.fulfilledAt()));
            params.add(timestamp(c.closedAt()));
            params.add(c.outcome());
            params.add(c.closeReason());
            params.add(seconds(c.openedAt(), c.acknowledgedAt()));
            params.add(seconds(c.openedAt(), c.agreedAt()));
            params.add(seconds(c.openedAt(), c.fulfilledAt()));
            params.add(c.acknowledgeSla());
            params.add(c.resolveSla());
            params.add(c.fulfilSla());
            params.add(c.promisesOnTime());
            params.add(c.promisesLate());
            params.add(c.promisesBroken());
            params.add(timestamp(c.activeAgainAt()));
            params.add(c.apologized());
            params.add(c.rootCause());
            params.add(c.responsibility());
            params.add(c.tier());
            params.add(c.reopened());
            params.add(c.confirmed());
            params.add(Timestamp.from(now));
        }
        jdbc.sql(sql.toString()).params(params).update();
        // Written after the facts, whose close, outcome and team they carry.
        surveys.write(ids);
        promises.write(ids);
        jdbc.sql("update insight_case_facts set seconds_to_again = " + secondsBetween("closed_at", "active_again_at")
                + " where case_id in (:ids) and active_again_at is not null").param("ids", ids).update();
        // Written after the remedy facts, which are the case's own: given a remedy or not.
        jdbc.sql("update insight_case_facts f set remedied = true where f.case_id in (:ids) and exists (select 1"
                + " from insight_remedy_facts r where r.case_id = f.case_id and r.state in (" + WhatRecovers.GIVEN + "))")
            .param("ids", ids).update();
    }

    // The days the rows' two instants fall on (the second may be none).
    private void daysOf(String select, List<Long> ids, Set<LocalDate> days) {
        jdbc.sql(select).param("ids", ids)
            .query(rs -> {
                days.add(daily.day(rs.getTimestamp(1).toInstant()));
                Timestamp second = rs.getTimestamp(2);
                if (second != null) {
                    days.add(daily.day(second.toInstant()));
                }
            });
    }

    /**
     * Whether each case of these cases' customers recurs (the customer had a case of the same
     * root cause in the {@link Causes#RECURRING_WITHIN_DAYS} days before it): a cause found or
     * changed on one case changes it for the customer's later cases, so all of them are looked
     * at again, and only those whose answer changed are written.
     */
    private void recurrences(List<Source> cases, Set<LocalDate> days) {
        List<Long> customers = cases.stream().map(Source::customerId).distinct().toList();
        String recurs = "(f.root_cause is not null and exists (select 1 from insight_case_facts p where p.customer_id = f.customer_id"
            + " and p.root_cause = f.root_cause and p.case_id <> f.case_id and p.opened_at <= f.opened_at"
            + " and p.opened_at >= f.opened_at - interval '" + Causes.RECURRING_WITHIN_DAYS + "' day))";
        for (int from = 0; from < customers.size(); from += 1_000) {
            // The cases whose answer changes, and the days they were opened on: their causes' counts change.
            List<Long> turned = new ArrayList<>();
            jdbc.sql("select f.case_id, f.opened_at from insight_case_facts f where f.customer_id in (:customers)"
                    + " and f.recurring <> " + recurs)
                .param("customers", customers.subList(from, Math.min(customers.size(), from + 1_000)))
                .query(rs -> {
                    turned.add(rs.getLong("case_id"));
                    days.add(daily.day(rs.getTimestamp("opened_at").toInstant()));
                });
            if (!turned.isEmpty()) {
                jdbc.sql("update insight_case_facts set recurring = not recurring where case_id in (:ids)").param("ids", turned)
                    .update();
            }
        }
    }

    private static @Nullable Long seconds(Instant from, @Nullable Instant to) {
        return to == null ? null : Math.max(0, Duration.between(from, to).toSeconds());
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
