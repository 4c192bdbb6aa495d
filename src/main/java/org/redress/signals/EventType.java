package org.redress.signals;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.redress.shared.InvalidInput;

/**
 * What happened to a customer in a business system. The one vocabulary of business event
 * types: the event API takes these names, and survey triggers, incident rules and risk
 * signals use the same ones, parsed here so that each refuses an unknown name the same way.
 */
public enum EventType {
    ORDER_PLACED, DELIVERED, DELIVERY_LATE, DELIVERY_FAILED, SERVICE_VISIT, SUPPORT_CONTACT, WAIT_TIME, CANCELLATION,
    REFUND_REQUESTED, OUTAGE;

    /** The type a name stands for, in any case and with {@code -} for {@code _} ({@code delivery-late}). */
    public static Optional<EventType> find(@Nullable String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String normalised = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(type -> type.name().equals(normalised)).findFirst();
    }

    /** The type, or a refusal of {@code field} that names every valid type. */
    public static EventType parse(String field, @Nullable String name) {
        if (name == null || name.isBlank()) {
            throw InvalidInput.field(field, "is required: one of " + names());
        }
        return find(name).orElseThrow(() -> InvalidInput.field(field, unknown(name)));
    }

    /** Why a name is refused, naming every valid type. */
    public static String unknown(String name) {
        return "'" + name + "' is not a business event type; use one of " + names();
    }

    /** Every valid name, for messages and documentation. */
    public static String names() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
