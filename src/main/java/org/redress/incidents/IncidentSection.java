package org.redress.incidents;

import java.util.List;

import org.redress.customers.Erasure;
import org.redress.customers.TableSection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The incidents the customer was affected by, how they were told and what they replied, for their data export. */
@Component
class IncidentSection extends TableSection {

    IncidentSection(JdbcClient jdbc) {
        super(jdbc, "incidents",
            "affected", "select c.id, c.incident_id, i.title incident, c.added_at, c.added_how, c.notified_at, c.opened_at, c.replied_at,"
                + " c.reply, c.case_id, c.recovered_at from incident_customers c join incidents i on i.id = c.incident_id"
                + " where c.customer_id = :customer order by c.id");
    }

    @Override
    protected List<Erasure> erasures() {
        return List.of(
            Erasure.sql("update incident_customers set reply = case when reply is null then null else :erased end, token_hash = null where customer_id = :customer"));
    }
}
