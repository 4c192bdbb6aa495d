package org.redress.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;
import org.redress.shared.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Records changes. Callers invoke it in the transaction that makes the change, so an
 * audit entry exists exactly when the change does.
 */
@Service
public class AuditTrail {

    /** One line of the audit log. {@code subject} names what changed, e.g. {@code case:RC-000042}. */
    @Schema(name = "AuditEntry", description = "A change: who made it, when, to what.")
    public record Entry(
        @Schema(description = "Identifier; increases with time.") long id,
        @Schema(description = "When the change was made.") Instant occurredAt,
        @Schema(description = "The user who made it; null for Redress itself.") @Nullable Long actorId,
        @Schema(description = "Who made it.") String actorName,
        @Schema(description = "What was done, e.g. `case.closed`, `user.changed`.") String action,
        @Schema(description = "What was changed, e.g. `case:RC-000042`, `user:3`.") String subject,
        @Schema(description = "Details of the change.") @Nullable String details) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(Actor actor, String action, String subject, @Nullable String details) {
        jdbc.sql("""
                insert into audit_log (occurred_at, actor_id, actor_name, action, subject, details)
                values (?, ?, ?, ?, ?, ?)""")
            .params(Timestamp.from(clock.instant()), actor.userId(), actor.name(), action, subject, details)
            .update();
    }

    /** Newest first; {@code beforeId} continues a previous page (keyset pagination). */
    public List<Entry> page(@Nullable String subject, @Nullable Long beforeId, int limit) {
        return jdbc.sql("""
                select id, occurred_at, actor_id, actor_name, action, subject, details
                from audit_log
                where (cast(:subject as text) is null or subject = :subject)
                  and (cast(:before as bigint) is null or id < :before)
                order by id desc
                limit :limit""")
            .param("subject", subject)
            .param("before", beforeId)
            .param("limit", limit)
            .query((rs, n) -> new Entry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
                    rs.getObject("actor_id", Long.class), rs.getString("actor_name"),
                    rs.getString("action"), rs.getString("subject"), rs.getString("details")))
            .list();
    }
}
