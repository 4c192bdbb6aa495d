package org.redress.communications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.redress.communications.CustomerChannel.Outgoing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox. A sweep claims a batch of due messages in a short transaction
 * ({@code skip locked}, then SENDING with a lease), so nodes sending at once take different
 * messages; it hands them, outside any transaction, to the {@link CustomerChannel} of each
 * (email sends a batch over one SMTP connection), and then records what was taken. A
 * message is sent once, except when a node dies (or its database write fails) between the
 * channel taking it and the record: its lease then runs out and it is sent again, with the
 * same Message-ID. {@link Deliveries} records the outcome: a server that is down is retried
 * with a doubling delay (and admins are told); an address it refuses, or too many attempts,
 * fails the message, on the case's timeline and as an alert.
 */
@Component
class OutboxSender {

    static final int BATCH = 50;
    static final java.time.Duration LEASE = java.time.Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final JdbcClient jdbc;
    private final CustomerChannels channels;
    private final TransactionTemplate transactions;
    private final Deliveries deliveries;
    private final Clock clock;

    OutboxSender(JdbcClient jdbc, CustomerChannels channels, TransactionTemplate transactions, Deliveries deliveries,
                 Clock clock) {
        this.deliveries = deliveries;
        this.jdbc = jdbc;
        this.channels = channels;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Sends what is due; returns how many were taken. A channel's messages wait while it is
     * not ready (email: no mail server configured; social: no connector).
     */
    int sendDue() {
        List<String> routes = channels.ready().stream().flatMap(channel -> channel.routes().stream()).toList();
        if (routes.isEmpty()) {
            return 0;
        }
        int sent = 0;
        List<Outgoing> claimed;
        do {
            List<Outgoing> batch = transactions.execute(status -> claim(routes));
            claimed = batch == null ? List.of() : batch;
            if (!claimed.isEmpty()) {
                sent += deliver(claimed);
            }
        } while (claimed.size() == BATCH);
        return sent;
    }

    // Claims a batch in a short transaction: nodes sweeping at once take different rows, and a
    // claim left by a node that died (its lease over) is taken again.
    private List<Outgoing> claim(List<String> routes) {
        Instant now = clock.instant();
        List<Outgoing> due = jdbc.sql("select id, case_id, channel, recipient, subject, body_text, message_id, in_reply_to, attempts"
                + " from outbox where ((state = 'PENDING' and next_attempt_at <= :now) or (state = 'SENDING' and lease_until < :now))"
                + " and channel in (:routes) order by next_attempt_at, id limit " + BATCH + " for update skip locked")
            .param("now", Timestamp.from(now)).param("routes", routes)
            .query((rs, n) -> new Outgoing(rs.getLong("id"), rs.getObject("case_id", Long.class), rs.getString("channel"),
                rs.getString("recipient"), rs.getString("subject"), rs.getString("body_text"), rs.getString("message_id"),
                rs.getString("in_reply_to"), rs.getInt("attempts")))
            .list();
        if (!due.isEmpty()) {
            jdbc.sql("update outbox set state = 'SENDING', lease_until = :until where id in (:ids)")
                .param("until", Timestamp.from(now.plus(LEASE))).param("ids", due.stream().map(Outgoing::id).toList()).update();
        }
        return due;
    }

    // Sends outside any transaction, then records what was taken, and after that what failed,
    // each in its own transaction: a failure to record a failure never undoes a send.
    private int deliver(List<Outgoing> claimed) {
        Instant now = clock.instant();
        Map<Outgoing, Exception> failed = new LinkedHashMap<>();
        List<Outgoing> sent = new ArrayList<>();
        Map<String, List<Outgoing>> byRoute = new LinkedHashMap<>();
        claimed.forEach(message -> byRoute.computeIfAbsent(message.route(), route -> new ArrayList<>()).add(message));
        Map<CustomerChannel, List<Outgoing>> byChannel = new LinkedHashMap<>();
        byRoute.forEach((route, messages) -> byChannel.computeIfAbsent(channels.sending(route).orElseThrow(),
            channel -> new ArrayList<>()).addAll(messages));
        byChannel.forEach((channel, messages) -> {
            Map<Outgoing, Exception> refused;
            try {
                refused = channel.send(messages);
            } catch (RuntimeException broken) {
                log.warn("The {} channel failed a batch of {}: {}", channel.name(), messages.size(), broken.toString());
                refused = new LinkedHashMap<>();
                for (Outgoing message : messages) {
                    refused.put(message, broken);
                }
            }
            for (Outgoing message : messages) {
                Exception failure = refused.get(message);
                if (failure == null) {
                    sent.add(message);
                } else {
                    failed.put(message, failure);
                }
            }
        });
        if (!sent.isEmpty()) {
            transactions.executeWithoutResult(status -> deliveries.sent(sent, clock.instant()));
        }
        failed.forEach((message, failure) -> transactions.executeWithoutResult(status -> deliveries.failed(message, failure, now)));
        return sent.size();
    }
}
