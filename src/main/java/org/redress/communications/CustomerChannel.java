package org.redress.communications;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.redress.cases.CaseView;
import org.redress.cases.Channel;

/**
 * A way of reaching customers: email, a social network, the chat widget, and whatever a
 * business adds (SMS, a messenger). A channel says whether it can reach a case's customer
 * and where, and sends what the outbox holds for it; everything else (the tone coach, the
 * case's messages and timeline, the outbox with its retries and once-only sending, customer
 * updates) is shared. Messages a channel receives go to {@link ChannelInbox}, which opens or
 * joins the case.
 *
 * <p>A new channel is one Spring bean implementing this interface (and, for what it
 * receives, a controller or poller that hands messages to {@link ChannelInbox}).
 */
public interface CustomerChannel {

    /** A message in the outbox, due to go out on this channel. */
    record Outgoing(long id, @Nullable Long caseId, String route, String recipient, @Nullable String subject, String text,
                    String messageId, @Nullable String inReplyTo, int attempts) {}

    /** Its name, e.g. {@code email}: what people and the API choose it by. */
    String name();

    /** What the case's timeline records a message on it as. */
    Channel caseChannel();

    /** The outbox routes it sends: its name, unless it has several kinds of message (social: public, private). */
    default List<String> routes() {
        return List.of(name());
    }

    /** The route of a message to one customer (social: a direct message, never a public post). */
    default String route() {
        return name();
    }

    /** Where it reaches the customer of this case (an address, a handle, a conversation), or null when it cannot. */
    @Nullable String addressOf(CaseView recoveryCase);

    /** Whether a message on it carries a subject (email does; a chat message does not). */
    default boolean hasSubject() {
        return false;
    }

    /** False while it cannot send (e.g. not configured): its messages then wait in the outbox. */
    default boolean ready() {
        return true;
    }

    /**
     * Sends the messages, outside any transaction; returns those it could not send, with
     * why (each is retried later, or failed for good), having sent the others. Throwing fails
     * the whole batch, to be retried.
     */
    Map<Outgoing, Exception> send(List<Outgoing> due);
}
