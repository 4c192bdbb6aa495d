package org.redress.webhooks;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.redress.audit.AuditTrail;
import org.redress.cases.CaseNumber;
import org.redress.identity.RedressUser;
import org.redress.shared.InvalidInput;
import org.redress.shared.NotFound;
import org.redress.shared.Paging;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.swagger.v3.oas.annotations.media.Schema;

/** The delivery log (admins): every delivery with its attempts and last answer; a failed or delivered one can be sent again. */
@Service
@Transactional
class DeliveryLog {

    static final int MAX_LIMIT = 500;

    enum State { PENDING, DELIVERED, FAILED }

    @Schema(name = "WebhookDelivery", description = "One message to one endpoint, and how its sending went.")
    record Delivery(@Schema(description = "Identifier.") long id,
                    @Schema(description = "The endpoint.") long endpointId,
                    @Schema(description = "Its URL.") String url,
                    @Schema(description = "The message's id, sent as webhook-id (the same on every attempt and replay).") String messageId,
                    @Schema(description = "The event type.") String eventType,
                    @Schema(description = "The case it is about, if any.") @Nullable String caseNumber,
                    @Schema(description = "PENDING (waiting or retrying), DELIVERED or FAILED (given up).") State state,
                    @Schema(description = "Attempts so far.") int attempts,
                    @Schema(description = "The receiver's last HTTP status, if it answered.") @Nullable Integer lastStatus,
                    @Schema(description = "What went wrong last.") @Nullable String lastError,
                    @Schema(description = "When it is tried next (pending only).") @Nullable Instant nextAttemptAt,
                    @Schema(description = "When it was delivered.") @Nullable Instant deliveredAt,
                    @Schema(description = "When it was queued.") Instant createdAt) {}

    private final JdbcClient jdbc;
    private final WebhookQueue queue;
    private final AuditTrail audit;
    private final Clock clock;

    DeliveryLog(JdbcClient jdbc, WebhookQueue queue, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.queue = queue;
        this.audit = audit;
        this.clock = clock;
    }

    /** A page of the log for the API, newest first; only one endpoint's, one state's, when given. */
    @Transactional(readOnly = true)
    Paging.Page<Delivery> page(RedressUser admin, @Nullable Long endpointId, @Nullable String state, @Nullable String cursor,
                               int limit) {
        Endpoints.requireAdmin(admin);
        Paging.limit(limit, MAX_LIMIT);
        return Paging.of(rows(endpointId, state, Paging.position(cursor), limit + 1), limit, Delivery::id);
    }

    /** Newest first; only one endpoint's, one state's, older than an id, when given. */
    @Transactional(readOnly = true)
    List<Delivery> list(RedressUser admin, @Nullable Long endpointId, @Nullable String state, @Nullable Long before, int limit) {
        Endpoints.requireAdmin(admin);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInput.field("limit", "must be from 1 to " + MAX_LIMIT);
        }
        return rows(endpointId, state, before, limit);
    }

    private List<Delivery> rows(@Nullable Long endpointId, @Nullable String state, @Nullable Long before, int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (endpointId != null) {
            where.append(" and d.endpoint_id = ?");
            params.add(endpointId);
        }
        if (state != null && !state.isBlank()) {
            where.append(" and d.state = ?");
            params.add(parse(state).name());
        }
        if (before != null) {
            where.append(" and d.id < ?");
            params.add(before);
        }
        return jdbc.sql(SELECT + where + " order by d.id desc fetch first " + limit + " rows only").params(params)
            .query((rs, n) -> {
                Long caseId = rs.getObject("case_id", Long.class);
                Timestamp next = rs.getTimestamp("next_attempt_at");
                Timestamp delivered = rs.getTimestamp("delivered_at");
                return new Delivery(rs.getLong("id"), rs.getLong("endpoint_id"), rs.getString("url"), rs.getString("message_id"),
                    rs.getString("event_type"), caseId == null ? null : CaseNumber.format(caseId), State.valueOf(rs.getString("state")),
                    rs.getInt("attempts"), rs.getObject("last_status", Integer.class), rs.getString("last_error"),
                    next == null ? null : next.toInstant(), delivered == null ? null : delivered.toInstant(),
                    rs.getTimestamp("created_at").toInstant());
            })
            .list();
    }

    /** Sends the message to the endpoint again, as a new delivery due now (the log keeps the old one). */
    Delivery replay(RedressUser admin, long deliveryId) {
        Endpoints.requireAdmin(admin);
        record Source(long endpointId, long messageId, @Nullable Long caseId) {}
        Source source = jdbc.sql("select endpoint_id, message_id, case_id from webhook_deliveries where id = ?").param(deliveryId)
            .query((rs, n) -> new Source(rs.getLong("endpoint_id"), rs.getLong("message_id"), rs.getObject("case_id", Long.class)))
            .optional().orElseThrow(() -> new NotFound("There is no webhook delivery " + deliveryId + "."));
        queue.deliver(source.endpointId(), source.messageId(), source.caseId(), clock.instant());
        long id = jdbc.sql("select max(id) from webhook_deliveries where message_id = ? and endpoint_id = ?")
            .params(source.messageId(), source.endpointId()).query(Long.class).single();
        audit.record(admin.actor(), "webhook.replayed", "webhook:" + source.endpointId(), "delivery " + deliveryId + " again as " + id);
        return list(admin, source.endpointId(), null, id + 1, 1).get(0);
    }

    private static State parse(String state) {
        try {
            return State.valueOf(state.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInput.field("state", "must be pending, delivered or failed");
        }
    }

    private static final String SELECT = "select d.id, d.endpoint_id, e.url, m.message_id, m.event_type, d.case_id, d.state, d.attempts,"
        + " d.last_status, d.last_error, d.next_attempt_at, d.delivered_at, d.created_at from webhook_deliveries d"
        + " join webhook_endpoints e on e.id = d.endpoint_id join webhook_messages m on m.id = d.message_id";
}
