package org.redress.risk;

import java.util.List;

import org.redress.customers.Erasure;
import org.redress.customers.TableSection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What silent-customer detection holds about the customer: their score, the signals behind it and their sources, for their data export. */
@Component
class RiskSection extends TableSection {

    RiskSection(JdbcClient jdbc) {
        super(jdbc, "risk",
            "score", "select * from customer_risk where customer_id = :customer",
            "signals", "select * from risk_signals where customer_id = :customer",
            "sources", "select * from risk_sources where customer_id = :customer",
            "pending", "select * from risk_pending where customer_id = :customer order by id");
    }

    @Override
    protected List<Erasure> erasures() {
        return List.of(
            // Nobody is to reach out to an erased customer, so silent-customer detection forgets them.
            Erasure.sql("delete from risk_pending where customer_id = :customer"),
            Erasure.sql("delete from risk_sources where customer_id = :customer"),
            Erasure.sql("delete from risk_signals where customer_id = :customer"),
            Erasure.sql("delete from customer_risk where customer_id = :customer"));
    }
}
