package org.redress.signals;

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
}
