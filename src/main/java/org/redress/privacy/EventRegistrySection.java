package org.redress.privacy;

import java.util.List;

import org.redress.customers.Erasure;
import org.redress.customers.TableSection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The events the application has published but a listener has not yet handled (completed
 * ones are deleted): one may carry the customer's details, so an erasure takes them out.
 * Nothing here is given back in an export: it is the application's own work in progress.
 */
@Component
class EventRegistrySection extends TableSection {

    EventRegistrySection(JdbcClient jdbc) {
        super(jdbc, "pendingEvents");
    }

    @Override
    protected List<Erasure> erasures() {
        return List.of(Erasure.redact("event_publication", "completion_date is null", "serialized_event"));
    }
}
