package org.redress.signals;

import java.util.List;

import org.redress.customers.Erasure;
import org.redress.customers.TableSection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The business events other systems sent about the customer (by their reference), for their data export. */
@Component
class SignalSection extends TableSection {

    SignalSection(JdbcClient jdbc) {
        super(jdbc, "businessEvents",
            "events", "select * from business_events where customer_ref = :ref order by id");
    }

    @Override
    protected List<Erasure> erasures() {
        return List.of(
            // Kept, under a reference that is no longer theirs: retention after recovery counts these events.
            Erasure.sql("update business_events set customer_ref = :pseudonym, event_id = concat('erased-', cast(id as varchar(20))), attributes = null where customer_ref = :ref"));
    }
}
