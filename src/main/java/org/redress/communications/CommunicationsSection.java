package org.redress.communications;

import org.redress.customers.TableSection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What was written to and from the customer outside the case's own messages, for their data
 * export: mail sent and queued, mail received, and attachments (their content included).
 */
@Component
class CommunicationsSection extends TableSection {

    CommunicationsSection(JdbcClient jdbc) {
        super(jdbc, "communications",
            "outbox", "select * from outbox where case_id in (:cases) or lower(recipient) = lower(:email) order by id",
            "inboundMail", "select * from inbound_mail where case_id in (:cases) or lower(sender) = lower(:email) order by id",
            "attachments", "select * from case_attachments where case_id in (:cases) order by id");
    }
}
