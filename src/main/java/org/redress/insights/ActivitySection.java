package org.redress.insights;

import java.util.List;

import org.redress.customers.Erasure;
import org.redress.customers.TableSection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The moments of activity retention keeps for the customer (from their business events, by
 * their reference), for their data export; on erasure they follow the business events to the
 * reference that is no longer theirs, so retention still counts them.
 */
@Component
class ActivitySection extends TableSection {

    ActivitySection(JdbcClient jdbc) {
        super(jdbc, "insights",
            "activity", "select * from insight_activity where customer_ref = :ref order by occurred_at");
    }

    @Override
    protected List<Erasure> erasures() {
        return List.of(Erasure.sql("update insight_activity set customer_ref = :pseudonym where customer_ref = :ref"));
    }
}
