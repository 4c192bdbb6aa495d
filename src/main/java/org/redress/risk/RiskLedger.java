package org.redress.risk;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

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
    private final Clock clock;

    RiskLedger(JdbcClient jdbc, RiskSettings settings, Outreach outreach, RiskReasons reasons, Clock clock) {
        this.reasons = reasons;
        this.jdbc = jdbc;
        this.settings = settings;
        this.outreach = outreach;
        this.clock = clock;
    }

    /** Adds the signal (once per source); returns the customer's score after it. */
    double add(long customerId, RiskSignal kind, Instant at, String source, String reason) {
        Instant now = clock.instant();
        Instant when = at.isAfter(now) ? now : at;
        lock(customerId, now);
        int fresh = jdbc.sql("insert into risk_sources (customer_id, source, added_at) values (?, ?, ?) on conflict do nothing")
            .params(customerId, source, Timestamp.from(now)).update();
        if (fresh == 0) {
            return score(customerId, now);
        }
        double added = Decay.decayed(settings.points(kind), when, now, settings.halfLife(kind));
        int updated = jdbc.sql("""
                update risk_signals set amount = ?, as_of = ?, occurrences = occurrences + 1,
                       last_reason = case when last_at > ? then last_reason else ? end,
                       last_at = case when last_at > ? then last_at else ? end
                where customer_id = ? and kind = ?""")
            .params(current(customerId, kind, now) + added, Timestamp.from(now), Timestamp.from(when), reason,
                Timestamp.from(when), Timestamp.from(when), customerId, kind.name())
            .update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into risk_signals (customer_id, kind, amount, as_of, occurrences, last_reason, last_at)
                    values (?, ?, ?, ?, 1, ?, ?)""")
                .params(customerId, kind.name(), added, Timestamp.from(now), reason, Timestamp.from(when)).update();
        }
        double score = score(customerId, now);
        jdbc.sql("""
                update customer_risk set score = ?, scored_at = ?,
                       last_negative_at = case when last_negative_at is null or last_negative_at < ? then ? else last_negative_at end
                where customer_id = ?""")
            .params(score, Timestamp.from(now), Timestamp.from(when), Timestamp.from(when), customerId).update();
        if (score >= settings.threshold()) {
            outreach.consider(customerId, score, now);
        }
        return score;
    }

    /** Makes sure the customer has a risk row, and locks it until the transaction ends. */
    void lock(long customerId, Instant now) {
        jdbc.sql("insert into customer_risk (customer_id, score, scored_at) values (?, 0, ?) on conflict do nothing")
            .params(customerId, Timestamp.from(now)).update();
        jdbc.sql("select customer_id from customer_risk where customer_id = ? for update").param(customerId).query(Long.class).single();
    }

    /** The customer's score now: every kind's amount decayed to now. */
    double score(long customerId, Instant now) {
        return RiskReasons.total(reasons.of(customerId, now));
    }

    private double current(long customerId, RiskSignal kind, Instant now) {
        return reasons.of(customerId, now).stream().filter(r -> r.kind() == kind).mapToDouble(RiskReasons.Reason::points).sum();
    }
}
