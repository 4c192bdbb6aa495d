package org.redress.signals;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A business event, once, after it was stored, with the customer it was found to be about;
 * listeners receive it in {@link SignalsReceived}.
 *
 * @param customerId the Redress customer the event's reference belongs to (created when new)
 */
public record SignalReceived(long eventRowId, String eventId, EventType type, long customerId, String customerRef,
                             Instant occurredAt, Map<String, Object> attributes) {

    /** A text attribute, if the event carries it. */
    public @Nullable String text(String name) {
        Object value = attributes.get(name);
        return value == null ? null : String.valueOf(value);
    }

    /** A numeric attribute, if the event carries one. */
    public @Nullable Double number(String name) {
        Object value = attributes.get(name);
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return value == null ? null : Double.valueOf(String.valueOf(value));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
