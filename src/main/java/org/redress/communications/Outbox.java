package org.redress.communications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The outbox: a message to a customer is a row written in the transaction that decides
 * to send it, so it is sent if and only if that transaction commits, even if the node
 * stops right after. {@link OutboxSender} sends the rows.
 */
@Component
class Outbox {

    enum State { PENDING, SENT, FAILED }

    private final JdbcClient jdbc;
    private final MailSettings settings;
    private final Clock clock;

    Outbox(JdbcClient jdbc, MailSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /** Queues a message (joining the caller's transaction); returns its Message-ID. */
    @Transactional(propagation = Propagation.MANDATORY)
    String queue(@Nullable Long caseId, String channel, String recipient, @Nullable String subject, String text,
                 @Nullable String inReplyTo, String createdBy) {
        return queue(caseId, channel, recipient, subject, text, inReplyTo, createdBy, "");
    }

    /**
     * Queues a message whose Message-ID starts with {@code idPrefix} (e.g. {@code staff.}, so a
     * reply to it is recognised by the Message-ID it quotes); returns the Message-ID.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    String queue(@Nullable Long caseId, String channel, String recipient, @Nullable String subject, String text,
                 @Nullable String inReplyTo, String createdBy, String idPrefix) {
        String messageId = "<" + idPrefix + UUID.randomUUID() + "@" + settings.messageIdDomain() + ">";
        Instant now = clock.instant();
        jdbc.sql("""
                insert into outbox (case_id, channel, recipient, subject, body_text, message_id, in_reply_to, state,
                                    next_attempt_at, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?)""")
            .params(caseId, channel, recipient, subject, text, messageId, inReplyTo, Timestamp.from(now), Timestamp.from(now),
                createdBy)
            .update();
        return messageId;
    }

    /** A message as the case page and the API show it. */
    @Schema(name = "OutboundMessage", description = "A message to the customer and its delivery.")
    public record Sent(@Schema(description = "Identifier.") long id,
                       @Schema(description = "Channel code.") String channel,
                       @Schema(description = "To whom.") String recipient,
                       @Schema(description = "Subject.") @Nullable String subject,
                       @Schema(description = "PENDING (waiting or retrying), SENT (taken by the mail server) or FAILED.") String state,
                       @Schema(description = "Attempts so far.") int attempts,
                       @Schema(description = "Why the last attempt failed.") @Nullable String lastError,
                       @Schema(description = "When it was written.") Instant createdAt,
                       @Schema(description = "When the mail server took it.") @Nullable Instant sentAt) {}

    List<Sent> ofCase(long caseId) {
        return jdbc.sql("""
                select id, channel, recipient, subject, state, attempts, last_error, created_at, sent_at
                from outbox where case_id = ? order by id""")
            .param(caseId)
            .query((rs, n) -> new Sent(rs.getLong("id"), rs.getString("channel"), rs.getString("recipient"),
                rs.getString("subject"), rs.getString("state"), rs.getInt("attempts"), rs.getString("last_error"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant()))
            .list();
    }

    /** The row of a message just queued, by its Message-ID. */
    long idOf(String messageId) {
        return jdbc.sql("select id from outbox where message_id = ?").param(messageId).query(Long.class).single();
    }

    /** The case one of our messages belongs to, by its Message-ID. */
    @Nullable Long caseOfMessage(String messageId) {
        return jdbc.sql("select case_id from outbox where message_id = ?").param(messageId.trim())
            .query(Long.class).optional().orElse(null);
    }
}
