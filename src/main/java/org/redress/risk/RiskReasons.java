package org.redress.risk;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Why a customer is at risk: each kind of signal with its points now (decayed), largest first. */
@Component
class RiskReasons {

    /** One kind of signal on a customer: its points now, how often it happened, and the latest. */
    record Reason(RiskSignal kind, double points, int occurrences, String lastReason, Instant lastAt) {}

    private final JdbcClient jdbc;
    private final RiskSettings settings;

    RiskReasons(JdbcClient jdbc, RiskSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    List<Reason> of(long customerId, Instant now) {
        return jdbc.sql("select kind, amount, as_of, occurrences, last_reason, last_at from risk_signals where customer_id = ?")
            .param(customerId)
            .query((rs, n) -> reason(rs, now))
            .list().stream().sorted(Comparator.comparingDouble(Reason::points).reversed()).toList();
    }

    /** The reasons of many customers at once, by customer. */
    java.util.Map<Long, List<Reason>> of(java.util.Collection<Long> customerIds, Instant now) {
        java.util.Map<Long, List<Reason>> byCustomer = new java.util.HashMap<>();
        if (customerIds.isEmpty()) {
            return byCustomer;
        }
        jdbc.sql("""
                select customer_id, kind, amount, as_of, occurrences, last_reason, last_at from risk_signals
                where customer_id in (:ids)""")
            .param("ids", customerIds)
            .query((rs, n) -> byCustomer.computeIfAbsent(rs.getLong("customer_id"), id -> new java.util.ArrayList<>())
                .add(reason(rs, now)))
            .list();
        return byCustomer;
    }

    private Reason reason(java.sql.ResultSet rs, Instant now) throws java.sql.SQLException {
        RiskSignal kind = RiskSignal.valueOf(rs.getString("kind"));
        return new Reason(kind, Decay.decayed(rs.getDouble("amount"), rs.getTimestamp("as_of").toInstant(), now,
            settings.halfLife(kind)), rs.getInt("occurrences"), rs.getString("last_reason"), rs.getTimestamp("last_at").toInstant());
    }

    static double total(List<Reason> reasons) {
        return reasons.stream().mapToDouble(Reason::points).sum();
    }
}
