package org.redress.risk;

import java.sql.Timestamp;
import java.util.List;

import org.redress.incidents.CustomersAffected;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers added to an incident are exposed to a known failure. They are queued, many
 * rows per statement, in the incident's own transaction, and scored by the risk sweep
 * afterwards, so adding 100,000 customers to an incident does not wait on 100,000 scores.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class IncidentExposure {

    private final JdbcClient jdbc;

    IncidentExposure(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(CustomersAffected affected) {
        String reason = "Affected by incident: " + affected.incidentTitle();
        String clipped = reason.length() > 300 ? reason.substring(0, 300) : reason;
        Timestamp at = Timestamp.from(affected.at());
        String source = "incident:" + affected.incidentId();
        CustomerRows.insert(jdbc, "risk_pending (customer_id, kind, occurred_at, source, reason)", "(?, 'INCIDENT', ?, ?, ?)",
            affected.customerIds(), id -> List.of(id, at, source, clipped));
    }
}
