package org.redress.signals;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.redress.shared.InvalidInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes batches of business events. Each event is checked on its own: the good ones are
 * stored (in one statement), the bad ones reported by position with every problem, and
 * an event id seen before (in an earlier batch or earlier in this one) is a duplicate,
 * ignored. The batch is one transaction.
 */
@Service
@Transactional
public class BusinessEvents {

    public static final int MAX_BATCH = 1_000;
    static final int MAX_ATTRIBUTES_CHARS = 4_000;
    // A business system's clock may run a little ahead; an event far in the future is a mistake.
    static final Duration FUTURE_TOLERANCE = Duration.ofHours(1);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Schema(name = "BusinessEvent", description = "Something that happened to a customer in a business system.")
    public record Event(
        @Schema(description = "The sender's unique id of the event; an event sent again is ignored.", requiredMode = Schema.RequiredMode.REQUIRED, example = "order-55120-delivered") @Nullable String eventId,
        @Schema(description = "ORDER_PLACED, DELIVERED, DELIVERY_LATE, DELIVERY_FAILED, SERVICE_VISIT, SUPPORT_CONTACT, WAIT_TIME, CANCELLATION, REFUND_REQUESTED or OUTAGE.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String type,
        @Schema(description = "The business's customer reference.", requiredMode = Schema.RequiredMode.REQUIRED, example = "CUST-88213") @Nullable String customerRef,
        @Schema(description = "When it happened (ISO 8601 instant).", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String occurredAt,
        @Schema(description = "Anything else the event carries, e.g. {\"orderId\": \"55120\", \"minutesLate\": 95}. "
            + "Redress reads: email and name (to recognise or create the customer; a malformed email, or one that belongs to "
            + "another customer, is left out), orderId, minutesLate and reason (shown as the reason for a risk signal), "
            + "minutes (of a WAIT_TIME: shorter than redress.risk.long-wait-minutes is no signal); for incident rules, any "
            + "attribute may be matched.") @Nullable Map<String, Object> attributes) {}

    @Schema(name = "EventFieldProblem", description = "A problem with one field of an event.")
    public record FieldProblem(@Schema(description = "The field.", example = "occurredAt") String field,
                               @Schema(description = "What is wrong with it.") String message) {}

    @Schema(name = "RejectedEvent", description = "An event that was not stored, and why.")
    public record Rejected(@Schema(description = "Its position in the batch, from 0.") int index,
                           @Schema(description = "Its eventId, if it had one.") @Nullable String eventId,
                           @Schema(description = "Every problem with it.") List<FieldProblem> errors) {}

    @Schema(name = "EventBatchResult", description = "What became of a batch.")
    public record Result(@Schema(description = "Events stored.") int accepted,
                         @Schema(description = "Events seen before, ignored.") int duplicates,
                         @Schema(description = "Events refused, each with its problems.") List<Rejected> rejected) {}

    private record Good(String eventId, EventType type, String customerRef, Instant occurredAt, @Nullable String attributes) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    BusinessEvents(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Result take(@Nullable List<Event> batch) {
        if (batch == null || batch.isEmpty()) {
            throw InvalidInput.field("events", "is required: a list of 1 to " + MAX_BATCH + " events");
        }
        if (batch.size() > MAX_BATCH) {
            throw InvalidInput.field("events", "holds " + batch.size() + " events; send at most " + MAX_BATCH + " per batch");
        }
        Instant now = clock.instant();
        List<Good> good = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int duplicates = 0;
        for (int i = 0; i < batch.size(); i++) {
            Event event = batch.get(i);
            List<FieldProblem> errors = new ArrayList<>();
            Good checked = check(event, now, errors);
            if (checked == null) {
                rejected.add(new Rejected(i, event == null ? null : event.eventId(), errors));
            } else if (!seen.add(checked.eventId())) {
                duplicates++;
            } else {
                good.add(checked);
            }
        }
        int stored = good.isEmpty() ? 0 : insert(good, now);
        return new Result(stored, duplicates + good.size() - stored, rejected);
    }

    // One statement for the whole batch; events already stored are skipped by their id.
    private int insert(List<Good> events, Instant now) {
        StringBuilder sql = new StringBuilder(
            "insert into business_events (event_id, type, customer_ref, occurred_at, attributes, received_at) values ");
        List<Object> params = new ArrayList<>(events.size() * 6);
        Timestamp received = Timestamp.from(now);
        for (int i = 0; i < events.size(); i++) {
            Good event = events.get(i);
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?)");
            params.add(event.eventId());
            params.add(event.type().name());
            params.add(event.customerRef());
            params.add(Timestamp.from(event.occurredAt()));
            params.add(event.attributes());
            params.add(received);
        }
        return jdbc.sql(sql.append(" on conflict do nothing").toString()).params(params).update();
    }

    private static @Nullable Good check(@Nullable Event event, Instant now, List<FieldProblem> errors) {
        if (event == null) {
            errors.add(new FieldProblem("event", "is empty"));
            return null;
        }
        String eventId = text(event.eventId(), "eventId", 200, errors);
        String customerRef = text(event.customerRef(), "customerRef", 200, errors);
        EventType type = null;
        if (event.type() == null || event.type().isBlank()) {
            errors.add(new FieldProblem("type", "is required"));
        } else {
            type = EventType.find(event.type()).orElse(null);
            if (type == null) {
                errors.add(new FieldProblem("type", EventType.unknown(event.type())));
            }
        }
        Instant occurredAt = null;
        if (event.occurredAt() == null || event.occurredAt().isBlank()) {
            errors.add(new FieldProblem("occurredAt", "is required (ISO 8601, e.g. 2026-11-23T09:15:00Z)"));
        } else {
            try {
                occurredAt = Instant.parse(event.occurredAt().trim());
                if (occurredAt.isAfter(now.plus(FUTURE_TOLERANCE))) {
                    errors.add(new FieldProblem("occurredAt", "is in the future"));
                }
            } catch (DateTimeParseException e) {
                errors.add(new FieldProblem("occurredAt", "'" + event.occurredAt() + "' is not an ISO 8601 instant"));
            }
        }
        String attributes = null;
        if (event.attributes() != null && !event.attributes().isEmpty()) {
            attributes = JSON.writeValueAsString(event.attributes());
            if (attributes.length() > MAX_ATTRIBUTES_CHARS) {
                errors.add(new FieldProblem("attributes", "are " + attributes.length() + " characters as JSON; at most "
                    + MAX_ATTRIBUTES_CHARS));
            }
        }
        return errors.isEmpty() ? new Good(eventId, type, customerRef, occurredAt, attributes) : null;
    }

    private static @Nullable String text(@Nullable String value, String field, int max, List<FieldProblem> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldProblem(field, "is required"));
            return null;
        }
        if (value.length() > max) {
            errors.add(new FieldProblem(field, "is longer than " + max + " characters"));
            return null;
        }
        return value.trim();
    }
}
