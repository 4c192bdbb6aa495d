package org.redress.communications;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailSendException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import jakarta.mail.SendFailedException;

/**
 * What became of the messages {@link OutboxSender} tried: each outcome is written in its
 * own short transaction (the sender's), with what depends on it: the mailing's counts (an
 * event), the mail server's health, and, for a message that will never arrive, its case's
 * timeline and an alert.
 */
@Component
class Deliveries {

    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

    private final JdbcClient jdbc;
    private final DeliveryFailures failures;
    private final MailServerHealth health;
    private final ApplicationEventPublisher events;
    private final MailSettings settings;

    Deliveries(JdbcClient jdbc, DeliveryFailures failures, MailServerHealth health, ApplicationEventPublisher events,
               MailSettings settings) {
        this.jdbc = jdbc;
        this.failures = failures;
        this.health = health;
        this.events = events;
        this.settings = settings;
    }

    /** The server (or network) took these messages. */
    @Transactional(propagation = Propagation.MANDATORY)
    void sent(List<CustomerChannel.Outgoing> messages, Instant at) {
        jdbc.sql("""
                update outbox set state = 'SENT', sent_at = :at, attempts = attempts + 1, last_error = null, lease_until = null
                where id in (:ids)""")
            .param("at", Timestamp.from(at)).param("ids", messages.stream().map(CustomerChannel.Outgoing::id).toList()).update();
        if (messages.stream().anyMatch(message -> message.route().equals(CustomerChannels.EMAIL))) {
            health.delivered(at);
        }
        events.publishEvent(new CustomerMessagesSent(messages.stream().map(CustomerChannel.Outgoing::messageId).toList(), at));
    }

    /** The mail server could not be reached: nothing of the batch was taken. */
    @Transactional(propagation = Propagation.MANDATORY)
    void serverUnreachable(Exception failure, Instant at) {
        health.unreachable(reason(failure), at);
    }

    /** One message was not taken: tried again later, or failed for good. */
    @Transactional(propagation = Propagation.MANDATORY)
    void failed(CustomerChannel.Outgoing message, Exception failure, Instant now) {
        int attempts = message.attempts() + 1;
        String why = reason(failure);
        if (refusedForGood(failure) || attempts >= settings.maxAttempts()) {
            jdbc.sql("update outbox set state = 'FAILED', attempts = ?, last_error = ?, lease_until = null where id = ?")
                .params(attempts, why, message.id()).update();
            if (message.caseId() != null) {
                failures.report(message.caseId(), message.subject() == null ? "a message" : "the message \"" + message.subject() + "\"",
                    message.recipient(), why);
            }
            events.publishEvent(new CustomerMessageFailed(message.messageId(), why, now));
            log.warn("Outbox message {} failed for good after {} attempts: {}", message.id(), attempts, why);
        } else {
            jdbc.sql("update outbox set state = 'PENDING', attempts = ?, last_error = ?, next_attempt_at = ?, lease_until = null where id = ?")
                .params(attempts, why, Timestamp.from(now.plus(settings.backoff(attempts))), message.id()).update();
        }
    }

    // The server refused the recipient (a 5xx answer): trying again would not help.
    private static boolean refusedForGood(Exception failure) {
        Throwable cause = failure;
        while (cause != null) {
            if (refusedAddress(cause)) {
                return true;
            }
            if (cause instanceof MailSendException send) {
                for (Exception inner : send.getFailedMessages().values()) {
                    if (refusedAddress(inner)) {
                        return true;
                    }
                }
            }
            cause = cause.getCause();
        }
        return false;
    }

    private static boolean refusedAddress(Throwable failure) {
        return failure instanceof SendFailedException refused && refused.getInvalidAddresses() != null
            && refused.getInvalidAddresses().length > 0;
    }

    static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return text.length() > 500 ? text.substring(0, 500) : text;
    }
}
