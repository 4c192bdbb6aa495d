package org.redress.communications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.redress.cases.CaseManagement;
import org.redress.cases.CaseMessage;
import org.redress.cases.CaseView;
import org.redress.cases.Channel;
import org.redress.cases.Intake;
import org.redress.customers.CustomerDetails;
import org.redress.customers.CustomerView;
import org.redress.shared.Actor;
import org.redress.shared.Secrets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where every channel hands what a customer wrote. A message in a conversation we know (a
 * chat, a customer's direct messages) joins its case while the case is open; once it is
 * closed, or in a new conversation, the message goes to intake, which opens a case (or
 * joins the customer's open one of the same category), and the conversation follows it.
 * Each message is taken once (by its key on the channel), and files go with their message,
 * in the same transaction.
 */
@Service
@Transactional
public class ChannelInbox {

    /** A customer's message on a channel: the conversation it belongs to, who wrote, and a key that is the same on redelivery. */
    public record Arrival(String channel, String conversation, @Nullable CustomerDetails customer, String subject, String text,
                          String messageKey, List<Attachments.Checked> files) {}

    public enum Outcome { OPENED, JOINED, DUPLICATE }

    public record Received(CaseView recoveryCase, Outcome outcome) {}

    private final Intake intake;
    private final CaseManagement cases;
    private final Attachments attachments;
    private final MailSettings settings;
    private final JdbcClient jdbc;
    private final Clock clock;

    ChannelInbox(Intake intake, CaseManagement cases, Attachments attachments, MailSettings settings, JdbcClient jdbc,
                 Clock clock) {
        this.intake = intake;
        this.cases = cases;
        this.attachments = attachments;
        this.settings = settings;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Received receive(Arrival arrival) {
        Instant now = clock.instant();
        String key = Secrets.sha256Hex(arrival.messageKey());
        // Claimed first: a second delivery of the same message, even at the same moment, waits here and finds it taken.
        int claimed = jdbc.sql("insert into channel_messages (channel, message_key, received_at) values (?, ?, ?) on conflict do nothing")
            .params(arrival.channel(), key, Timestamp.from(now)).update();
        if (claimed == 0) {
            Long earlier = jdbc.sql("select case_id from channel_messages where channel = ? and message_key = ?")
                .params(arrival.channel(), key).query(Long.class).optional().orElse(null);
            if (earlier == null) {
                throw new org.redress.shared.Conflict("This message is being taken in right now; send it again in a moment.");
            }
            return new Received(cases.view(earlier), Outcome.DUPLICATE);
        }
        Channel channel = Channel.parse("channel", arrival.channel());
        CaseView known = caseOf(arrival.channel(), arrival.conversation()).flatMap(cases::find).orElse(null);
        Received received;
        if (known != null && !known.closed()) {
            intake.reply(known.id(), channel, author(arrival.customer(), known.customer()), arrival.subject(), arrival.text());
            received = new Received(cases.view(known.id()), Outcome.JOINED);
        } else {
            CustomerDetails customer = arrival.customer() != null ? arrival.customer() : detailsOf(known);
            Intake.Received opened = intake.receive(new Intake.Complaint(customer, channel.code(), settings.defaultCategory(),
                null, arrival.subject(), arrival.text()), arrival.channel() + ":" + arrival.messageKey(), Actor.SYSTEM);
            received = new Received(opened.recoveryCase(), opened.result() == Intake.Result.OPENED ? Outcome.OPENED : Outcome.JOINED);
            follow(arrival.channel(), arrival.conversation(), received.recoveryCase().id(), now);
        }
        long caseId = received.recoveryCase().id();
        keep(caseId, arrival.files());
        jdbc.sql("update channel_messages set case_id = ? where channel = ? and message_key = ?")
            .params(caseId, arrival.channel(), key).update();
        return received;
    }

    /** The case a conversation on the channel belongs to, if any. */
    @Transactional(readOnly = true)
    public Optional<Long> caseOf(String channel, String conversation) {
        return jdbc.sql("select case_id from channel_conversations where channel = ? and conversation = ?")
            .params(channel, Secrets.sha256Hex(conversation)).query(Long.class).optional();
    }

    /** Whether the case has a conversation on the channel (so the channel reaches its customer). */
    @Transactional(readOnly = true)
    boolean hasConversation(String channel, long caseId) {
        return jdbc.sql("select count(*) from channel_conversations where channel = ? and case_id = ?")
            .params(channel, caseId).query(Long.class).single() > 0;
    }

    private void follow(String channel, String conversation, long caseId, Instant now) {
        String hashed = Secrets.sha256Hex(conversation);
        int moved = jdbc.sql("update channel_conversations set case_id = ?, updated_at = ? where channel = ? and conversation = ?")
            .params(caseId, Timestamp.from(now), channel, hashed).update();
        if (moved == 0) {
            jdbc.sql("insert into channel_conversations (channel, conversation, case_id, started_at, updated_at) values (?, ?, ?, ?, ?)")
                .params(channel, hashed, caseId, Timestamp.from(now), Timestamp.from(now)).update();
        }
    }

    // The files go with the message just written: the case's latest from the customer, in this transaction.
    void keep(long caseId, List<Attachments.Checked> files) {
        if (files.isEmpty()) {
            return;
        }
        Long message = cases.messages(caseId).stream().filter(CaseMessage::fromCustomer).map(CaseMessage::id)
            .max(Long::compare).orElse(null);
        attachments.keep(caseId, message, null, files);
    }

    private static CustomerDetails detailsOf(@Nullable CaseView earlier) {
        if (earlier == null) {
            throw new IllegalStateException("A new conversation needs the customer's details");
        }
        CustomerView customer = earlier.customer();
        return CustomerDetails.of(customer.externalRef(), customer.name(), customer.email(), customer.phone());
    }

    private static String author(@Nullable CustomerDetails given, CustomerView customer) {
        String name = given != null && given.name() != null ? given.name() : customer.name();
        return name != null ? name : customer.email() != null ? customer.email() : "The customer";
    }
}
