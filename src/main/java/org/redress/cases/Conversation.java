package org.redress.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A case as the conversation an agent lives in: what the customer wrote, what we wrote to
 * them, internal notes, and what happened (steps, remedies, promises) between them, in time
 * order. Built from the case's messages and its timeline; the timeline's one-line record of
 * a message is left out where the message itself is shown.
 */
public final class Conversation {

    /** Who a turn is from: the customer, us (a message or an update to them), us among ourselves (a note), or the case itself. */
    public enum From { CUSTOMER, US, NOTE, EVENT }

    /** One turn of the conversation; {@code messageId} is the message it shows, if it is one. */
    public record Turn(Instant at, From from, String who, @Nullable String channel, @Nullable String subject, String text,
                       @Nullable Long messageId) {

        public String fromName() {
            return from.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    // Timeline lines that only say a message was received or sent: the message is shown instead.
    private static final Set<String> SHOWN_AS_MESSAGES = Set.of("message", "message.sent");
    private static final String UPDATE_PREFIX = "Update to customer: ";

    private Conversation() {
    }

    public static List<Turn> of(List<CaseMessage> messages, List<TimelineEntry> timeline) {
        List<Turn> turns = new ArrayList<>();
        for (CaseMessage message : messages) {
            turns.add(new Turn(message.receivedAt(), message.fromCustomer() ? From.CUSTOMER : From.US, message.author(),
                message.channel(), message.subject(), message.body(), message.id()));
        }
        for (TimelineEntry entry : timeline) {
            if (SHOWN_AS_MESSAGES.contains(entry.kind())) {
                continue;
            }
            if (entry.kind().equals("customer.update")) {
                turns.add(new Turn(entry.occurredAt(), From.US, entry.actorName(), "update", null,
                    entry.summary().startsWith(UPDATE_PREFIX) ? entry.summary().substring(UPDATE_PREFIX.length()) : entry.summary(),
                    null));
            } else {
                turns.add(new Turn(entry.occurredAt(), entry.internal() ? From.NOTE : From.EVENT, entry.actorName(), null, null,
                    entry.summary(), null));
            }
        }
        // Stable: a message and the line recorded with it in the same instant keep their order.
        turns.sort(Comparator.comparing(Turn::at));
        return turns;
    }
}
