package org.redress.remedies;

import org.redress.customers.TableSection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The remedies proposed, offered, agreed or given on the customer's cases, for their data export. */
@Component
class RemedySection extends TableSection {

    RemedySection(JdbcClient jdbc) {
        super(jdbc, "remedies",
            "remedies", "select * from remedies where case_id in (:cases) order by id");
    }
}
