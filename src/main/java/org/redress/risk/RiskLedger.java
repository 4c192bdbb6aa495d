package org.redress.risk;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds signals to a customer's score. The customer's risk row is locked first, so
 * signals for one customer are added one after the other on any number of nodes; a
 * source already counted (an event delivered twice) adds nothing. Each kind keeps one
 * amount, decayed to now and then increased, so the score is exact without keeping
 * every signal.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class RiskLedger {

    private final JdbcClient jdbc;
    private final RiskSettings settings;
    private final Outreach outreach;
    private final RiskReasons reasons;
    private final JdbcTemplate batch;
    private final Clock clock;

    RiskLedger(JdbcClient jdbc, JdbcTemplate batch, RiskSettings settings, Outreach outreach, RiskReasons reasons, Clock clock) {
        this.batch = batch;
        this.reasons = reasons;
        this.jdbc = jdbc;
        this.settings = settings;
        this.outreach = outreach;
        this.clock = clock;
    }

    /** Adds the signal to the customer's score, once per source. */
    void add(long customerId, RiskSignal kind, Instant at, String source, String reason) {
        addAll(List.of(customerId), kind, at, source, reason);
    }

    /**
     * Adds one signal to many customers (an incident's, or just one), set-based: a few
     * statements per thousand customers. The risk rows are locked in id
     * order. The signals sweep locks them in event order, so the two can deadlock; the
     * database then fails one of them, whose whole batch is taken again at its next run.
     */
    void addAll(List<Long> customerIds, RiskSignal kind, Instant at, String source, String reason) {
        Instant now = clock.instant();
        Instant when = at.isAfter(now) ? now : at;
        List<Long> ids = customerIds.stream().distinct().sorted().toList();
        if (ids.isEmpty()) {
            return;
        }
        Timestamp stamp = Timestamp.from(now);
        CustomerRows.insert(jdbc, "customer_risk (customer_id, score, scored_at)", "(?, 0, ?)", ids, id -> List.of(id, stamp));
        jdbc.sql("select customer_id from customer_risk where customer_id in (:ids) order by customer_id for update")
            .param("ids", ids).query(Long.class).list();
        Set<Long> counted = new HashSet<>(jdbc.sql("select customer_id from risk_sources where source = :source and customer_id in (:ids)")
            .param("source", source).param("ids", ids).query(Long.class).list());
        List<Long> fresh = ids.stream().filter(id -> !counted.contains(id)).toList();
        if (fresh.isEmpty()) {
            return;
        }
        CustomerRows.insert(jdbc, "risk_sources (customer_id, source, added_at)", "(?, ?, ?)", fresh, id -> List.of(id, source, stamp));
        Map<Long, List<RiskReasons.Reason>> before = reasons.of(fresh, now);
        double added = Decay.decayed(settings.points(kind), when, now, settings.halfLife(kind));
        List<Object[]> updates = new ArrayList<>();
        List<Long> inserts = new ArrayList<>();
        List<Scored> scores = new ArrayList<>();
        for (long id : fresh) {
            List<RiskReasons.Reason> of = before.getOrDefault(id, List.of());
            Optional<RiskReasons.Reason> same = of.stream().filter(r -> r.kind() == kind).findFirst();
            if (same.isPresent()) {
                boolean newer = !same.get().lastAt().isAfter(when);
                updates.add(new Object[] {same.get().points() + added, stamp, newer ? reason : same.get().lastReason(),
                    Timestamp.from(newer ? when : same.get().lastAt()), id, kind.name()});
            } else {
                inserts.add(id);
            }
            scores.add(new Scored(id, RiskReasons.total(of) + added));
        }
        batch.batchUpdate("""
            update risk_signals set amount = ?, as_of = ?, occurrences = occurrences + 1, last_reason = ?, last_at = ?
            where customer_id = ? and kind = ?""", updates);
        CustomerRows.insert(jdbc, "risk_signals (customer_id, kind, amount, as_of, occurrences, last_reason, last_at)", "(?, ?, ?, ?, 1, ?, ?)",
            inserts, id -> List.of(id, kind.name(), added, stamp, reason, Timestamp.from(when)));
        scored(scores, when, now);
    }

    private record Scored(long customerId, double score) {}

    // Stores the new scores, and opens outreach cases for those who crossed the threshold.
    private void scored(List<Scored> scores, Instant when, Instant now) {
        Timestamp at = Timestamp.from(when);
        batch.batchUpdate("""
            update customer_risk set score = ?, scored_at = ?,
                   last_negative_at = case when last_negative_at is null or last_negative_at < ? then ? else last_negative_at end
            where customer_id = ?""",
            scores.stream().map(s -> new Object[] {s.score(), Timestamp.from(now), at, at, s.customerId()}).toList());
        scores.stream().filter(s -> s.score() >= settings.threshold()).forEach(s -> outreach.consider(s.customerId(), s.score(), now));
    }

    /** Makes sure the customer has a risk row, and locks it until the transaction ends. */
    void lock(long customerId, Instant now) {
        jdbc.sql("insert into customer_risk (customer_id, score, scored_at) values (?, 0, ?) on conflict do nothing")
            .params(customerId, Timestamp.from(now)).update();
        jdbc.sql("select customer_id from customer_risk where customer_id = ? for update").param(customerId).query(Long.class).single();
    }
}
