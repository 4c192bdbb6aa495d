package org.redress.notifications;

import java.util.List;

import org.redress.customers.Erasure;
import org.redress.customers.TableSection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Staff's alerts about the customer's cases: staff's own inbox, so nothing to give back in an
 * export, but an alert's text may name the customer, and an erasure takes that out.
 */
@Component
class AlertSection extends TableSection {

    AlertSection(JdbcClient jdbc) {
        super(jdbc, "alerts");
    }

    @Override
    protected List<Erasure> erasures() {
        return List.of(Erasure.redact("staff_alerts", "case_id in (:cases)", "text"));
    }
}
