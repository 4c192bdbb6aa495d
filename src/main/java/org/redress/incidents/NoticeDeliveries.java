package org.redress.incidents;

import java.sql.Timestamp;

import org.redress.communications.CustomerMessageFailed;
import org.redress.communications.CustomerMessagesSent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps an incident's counts truthful: a notice is "queued" until the mail server takes it,
 * then "sent", or "failed" if it never will be. Runs in the transaction that records the
 * delivery, so the outbox and the incident never disagree.
 */
@Component
class NoticeDeliveries {

    private final JdbcClient jdbc;

    NoticeDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(CustomerMessagesSent sent) {
        jdbc.sql("update incident_customers set sent_at = :at where message_id in (:ids) and sent_at is null")
            .param("at", Timestamp.from(sent.sentAt())).param("ids", sent.messageIds()).update();
    }

    @EventListener
    void on(CustomerMessageFailed failed) {
        jdbc.sql("update incident_customers set failed_at = ? where message_id = ? and failed_at is null")
            .params(Timestamp.from(failed.failedAt()), failed.messageId()).update();
    }
}
