package org.redress.webhooks;

import java.util.List;

import org.redress.customers.Erasure;
import org.redress.customers.TableSection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The webhook messages about the customer (their cases, or naming them by id): copies of what
 * happened that are kept for the delivery log. An erasure takes their identifiers out of each
 * payload; a delivery still waiting then sends the redacted payload.
 */
@Component
class WebhookSection extends TableSection {

    private static final String ABOUT_THEM = "case_id in (:cases) or payload like concat('%\"customerId\":', cast(:customer as varchar(20)), ',%')"
        + " or payload like concat('%\"customerId\":', cast(:customer as varchar(20)), '}%')";

    WebhookSection(JdbcClient jdbc) {
        super(jdbc, "webhooks",
            "messages", "select id, message_id, event_type, case_id, payload, created_at from webhook_messages where " + ABOUT_THEM
                + " order by id");
    }

    @Override
    protected List<Erasure> erasures() {
        return List.of(Erasure.redact("webhook_messages", ABOUT_THEM, "payload"));
    }
}
