package org.redress.communications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.redress.cases.CaseNumber;
import org.redress.shared.InvalidInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Every email Redress wrote to customers, as admins read it on the Mail page and through the
 * API: where each one stands (queued, sent, failed) and its words exactly as sent.
 */
@Component
@Transactional(readOnly = true)
class MailLog {

    static final int PAGE = 50;

    /** Where a message stands, in the words the console uses. */
    enum Standing {
        /** Written and waiting for the mail server (or being retried). */
        QUEUED("'PENDING', 'SENDING'"),
        /** The mail server took it. */
        SENT("'SENT'"),
        /** It will not be delivered: refused, or out of attempts. */
        FAILED("'FAILED'");

        private final String states;

        Standing(String states) {
            this.states = states;
        }

        static @Nullable Standing parse(@Nullable String value) {
            if (value == null || value.isBlank() || value.equals("all")) {
                return null;
            }
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw InvalidInput.field("state", "must be queued, sent or failed, not '" + value + "'");
            }
        }

        static Standing of(String state) {
            return switch (state) {
                case "SENT" -> SENT;
                case "FAILED" -> FAILED;
                default -> QUEUED;
            };
        }
    }

    @Schema(name = "MailCounts", description = "Email to customers by where it stands.")
    record Counts(@Schema(description = "Waiting for the mail server, or being retried.") long queued,
                  @Schema(description = "Taken by the mail server.") long sent,
                  @Schema(description = "Not delivered: refused, or out of attempts.") long failed) {}

    @Schema(name = "MailMessage", description = "One email to a customer, its words as sent and where it stands.")
    record Message(@Schema(description = "Identifier.") long id,
                   @Schema(description = "The case it belongs to, if any (incident notices and survey invitations have none).") @Nullable String caseNumber,
                   @Schema(description = "To whom.") String recipient,
                   @Schema(description = "Subject.") @Nullable String subject,
                   @Schema(description = "queued, sent or failed.") String state,
                   @Schema(description = "Attempts so far.") int attempts,
                   @Schema(description = "Why the last attempt failed.") @Nullable String lastError,
                   @Schema(description = "When it was written.") Instant createdAt,
                   @Schema(description = "Not sent before this time (a mailing is spread out), or the next retry.") Instant nextAttemptAt,
                   @Schema(description = "When the mail server took it.") @Nullable Instant sentAt,
                   @Schema(description = "Who or what wrote it.") String createdBy,
                   @Schema(description = "Its Message-ID; customers' replies thread on it.") String messageId,
                   @Schema(description = "The text, exactly as sent (an HTML copy with the same words goes with it).") String text) {}

    private final JdbcClient jdbc;

    MailLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Counts counts() {
        long[] counts = new long[3];
        jdbc.sql("select state, count(*) as n from outbox where channel = 'email' group by state")
            .query((rs, n) -> counts[Standing.of(rs.getString("state")).ordinal()] += rs.getLong("n")).list();
        return new Counts(counts[0], counts[1], counts[2]);
    }

    /** Messages waiting for the mail server: read by the state index, not by counting every message ever sent. */
    long queued() {
        return jdbc.sql("select count(*) from outbox where state in (" + Standing.QUEUED.states + ") and channel = 'email'")
            .query(Long.class).single();
    }

    /** A page of {@link #PAGE}, newest first; {@code before} is the last id of the previous page. */
    List<Message> page(@Nullable Standing standing, @Nullable String recipient, @Nullable Long before) {
        return page(standing, recipient, before, PAGE);
    }

    /** At most {@code limit} messages, newest first, older than {@code before} when given. */
    List<Message> page(@Nullable Standing standing, @Nullable String recipient, @Nullable Long before, int limit) {
        StringBuilder sql = new StringBuilder("select * from outbox where channel = 'email'");
        if (standing != null) {
            sql.append(" and state in (").append(standing.states).append(")");
        }
        if (recipient != null && !recipient.isBlank()) {
            sql.append(" and lower(recipient) like :recipient escape '\\'");
        }
        if (before != null) {
            sql.append(" and id < :before");
        }
        var query = jdbc.sql(sql.append(" order by id desc limit ").append(limit).toString());
        if (recipient != null && !recipient.isBlank()) {
            query = query.param("recipient", "%" + recipient.strip().toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (before != null) {
            query = query.param("before", before);
        }
        return query.query((rs, n) -> message(rs)).list();
    }

    Optional<Message> message(long id) {
        return jdbc.sql("select * from outbox where id = ? and channel = 'email'").param(id).query((rs, n) -> message(rs)).optional();
    }

    private static Message message(ResultSet rs) throws SQLException {
        Long caseId = rs.getObject("case_id", Long.class);
        return new Message(rs.getLong("id"), caseId == null ? null : CaseNumber.format(caseId), rs.getString("recipient"),
            rs.getString("subject"), Standing.of(rs.getString("state")).name().toLowerCase(Locale.ROOT), rs.getInt("attempts"),
            rs.getString("last_error"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("next_attempt_at").toInstant(),
            rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant(), rs.getString("created_by"),
            rs.getString("message_id"), rs.getString("body_text"));
    }
}
