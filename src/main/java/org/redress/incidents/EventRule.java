package org.redress.incidents;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.redress.customers.CustomerDetails;
import org.redress.shared.Checks;
import org.redress.shared.InvalidInput;
import org.redress.shared.Text;
import org.redress.signals.EventType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds the customers of business events: every customer with an event of a type in a time
 * range, optionally with one attribute equal to a value (e.g. {@code batch} = {@code B-17}).
 * Reads the {@code business_events} table of the signals module (read only), as
 * {@code CaseSearch} reads the SLA clocks: the events are the business's record of who was
 * exposed. The attribute is narrowed in SQL with {@code like} on the compact JSON Jackson
 * wrote (portable to H2) and then checked exactly in Java on the top-level attribute. An
 * {@code email} or {@code name} attribute of the event names a customer not known yet.
 */
@Component
class EventRule {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Schema(name = "AffectedCustomersRule", description = "Customers with a business event of a type in a time range, "
        + "optionally with one attribute equal to a value.")
    record Rule(
        @Schema(description = "Event type, e.g. DELIVERY_LATE or OUTAGE.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String type,
        @Schema(description = "From this instant (ISO 8601), inclusive.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String from,
        @Schema(description = "To this instant (ISO 8601), exclusive.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String to,
        @Schema(description = "An attribute of the event, e.g. batch.", example = "batch") @Nullable String attribute,
        @Schema(description = "The value it must have, e.g. B-17.", example = "B-17") @Nullable String value) {}

    private record Checked(EventType type, Instant from, Instant to, @Nullable String attribute, @Nullable String value) {}

    private final JdbcClient jdbc;

    EventRule(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The customers the rule selects, once each, in the order of their first event. */
    @Transactional(readOnly = true)
    List<CustomerDetails> customers(@Nullable Rule rule) {
        Checked checked = check(rule == null ? new Rule(null, null, null, null, null) : rule);
        StringBuilder sql = new StringBuilder("""
            select customer_ref, attributes from business_events
            where type = :type and occurred_at >= :from and occurred_at < :to""");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("type", checked.type().name());
        params.put("from", Timestamp.from(checked.from()));
        params.put("to", Timestamp.from(checked.to()));
        if (checked.attribute() != null) {
            String key = JSON.writeValueAsString(checked.attribute()) + ":";
            sql.append(" and (attributes like :asText escape '\\' or attributes like :asValue escape '\\')");
            params.put("asText", "%" + like(key + JSON.writeValueAsString(checked.value())) + "%");
            params.put("asValue", "%" + like(key + checked.value()) + "%");
        }
        sql.append(" order by occurred_at, id");
        Map<String, CustomerDetails> found = new LinkedHashMap<>();
        jdbc.sql(sql.toString()).params(params).query((java.sql.ResultSet rs) -> {
            String ref = rs.getString(1);
            if (found.containsKey(ref)) {
                return;
            }
            JsonNode attributes = rs.getString(2) == null ? null : JSON.readTree(rs.getString(2));
            if (checked.attribute() != null && !matches(attributes, checked.attribute(), checked.value())) {
                return;
            }
            found.put(ref, CustomerDetails.of(ref, text(attributes, "name"), text(attributes, "email"), null));
        });
        return new ArrayList<>(found.values());
    }

    private static boolean matches(@Nullable JsonNode attributes, String attribute, @Nullable String value) {
        JsonNode node = attributes == null ? null : attributes.get(attribute);
        return node != null && node.isValueNode() && !node.isNull() && node.asString().equals(value);
    }

    private static @Nullable String text(@Nullable JsonNode attributes, String name) {
        JsonNode node = attributes == null ? null : attributes.get(name);
        return node != null && node.isString() && !node.asString().isBlank() ? node.asString() : null;
    }

    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Checked check(Rule rule) {
        Checks checks = new Checks();
        EventType type = checks.check(() -> EventType.parse("type", Text.required("type", rule.type(), 40)));
        Instant from = checks.check(() -> instant("from", rule.from()));
        Instant to = checks.check(() -> instant("to", rule.to()));
        String attribute = checks.check(() -> {
            String value = Text.optional("attribute", rule.attribute(), 100);
            return value == null ? null : value.trim();
        });
        String value = checks.check(() -> attribute == null ? null : Text.required("value", rule.value(), 500));
        checks.verify();
        if (!from.isBefore(to)) {
            throw InvalidInput.field("to", "must be after from");
        }
        return new Checked(type, from, to, attribute, value);
    }

    private static Instant instant(String field, @Nullable String value) {
        String text = Text.required(field, value, 40).trim();
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw InvalidInput.field(field, "'" + value + "' is not an ISO 8601 instant (e.g. 2026-11-23T09:00:00Z)");
        }
    }
}
