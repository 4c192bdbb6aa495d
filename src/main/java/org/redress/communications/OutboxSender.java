package org.redress.communications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * Sends the outbox. A sweep claims a batch of due messages in a short transaction
 * ({@code skip locked}, then SENDING with a lease), so nodes sending at once take different
 * messages; it sends them outside any transaction, over one SMTP connection, and then
 * records what the server took. A message is sent once, except when a node dies (or its
 * database write fails) between the server taking it and the record: its lease then runs
 * out and it is sent again, with the same Message-ID. {@link Deliveries} records the
 * outcome: a server that is down is retried with a doubling delay (and admins are told);
 * an address it refuses, or too many attempts, fails the message, on the case's timeline
 * and as an alert.
 */
@Component
class OutboxSender {

    static final int BATCH = 50;
    static final java.time.Duration LEASE = java.time.Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> mail;
    private final ObjectProvider<SocialConnector> social;
    private final TransactionTemplate transactions;
    private final Deliveries deliveries;
    private final MailSettings settings;
    private final Clock clock;
    private final Attachments attachments;

    OutboxSender(JdbcClient jdbc, ObjectProvider<JavaMailSender> mail, ObjectProvider<SocialConnector> social,
                 TransactionTemplate transactions, Deliveries deliveries, MailSettings settings, Clock clock,
                 Attachments attachments) {
        this.attachments = attachments;
        this.deliveries = deliveries;
        this.jdbc = jdbc;
        this.mail = mail;
        this.social = social;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    record Due(long id, @Nullable Long caseId, String channel, String recipient, @Nullable String subject,
                       String text, String messageId, @Nullable String inReplyTo, int attempts) {}

    /**
     * Sends what is due; returns how many were taken. Email waits while no mail server is
     * configured, social posts while no connector is ready.
     */
    int sendDue() {
        JavaMailSender sender = mail.getIfAvailable();
        SocialConnector connector = social.orderedStream().filter(SocialConnector::ready).findFirst().orElse(null);
        if (sender == null && connector == null) {
            return 0;
        }
        String channels = sender != null && connector != null ? "(channel = 'email' or channel like 'social-%')"
            : sender != null ? "channel = 'email'" : "channel like 'social-%'";
        int sent = 0;
        List<Due> claimed;
        do {
            List<Due> batch = transactions.execute(status -> claim(channels));
            claimed = batch == null ? List.of() : batch;
            if (!claimed.isEmpty()) {
                sent += deliver(claimed, sender, connector);
            }
        } while (claimed.size() == BATCH);
        return sent;
    }

    // Claims a batch in a short transaction: nodes sweeping at once take different rows, and a
    // claim left by a node that died (its lease over) is taken again. The channel condition is
    // one of the three literals above, never input.
    private List<Due> claim(String channels) {
        Instant now = clock.instant();
        List<Due> due = jdbc.sql("select id, case_id, channel, recipient, subject, body_text, message_id, in_reply_to, attempts"
                + " from outbox where ((state = 'PENDING' and next_attempt_at <= :now) or (state = 'SENDING' and lease_until < :now))"
                + " and " + channels + " order by next_attempt_at, id limit " + BATCH + " for update skip locked")
            .param("now", Timestamp.from(now))
            .query((rs, n) -> new Due(rs.getLong("id"), rs.getObject("case_id", Long.class), rs.getString("channel"),
                rs.getString("recipient"), rs.getString("subject"), rs.getString("body_text"), rs.getString("message_id"),
                rs.getString("in_reply_to"), rs.getInt("attempts")))
            .list();
        if (!due.isEmpty()) {
            jdbc.sql("update outbox set state = 'SENDING', lease_until = :until where id in (:ids)")
                .param("until", Timestamp.from(now.plus(LEASE))).param("ids", due.stream().map(Due::id).toList()).update();
        }
        return due;
    }

    // Sends outside any transaction, then records what was taken, and after that what failed,
    // each in its own transaction: a failure to record a failure never undoes a send.
    private int deliver(List<Due> claimed, @Nullable JavaMailSender sender, @Nullable SocialConnector connector) {
        Instant now = clock.instant();
        Map<Due, Exception> failed = new LinkedHashMap<>();
        List<Due> sent = new ArrayList<>();
        List<Due> emails = claimed.stream().filter(message -> message.channel().equals("email")).toList();
        if (!emails.isEmpty() && sender != null) {
            RuntimeException unreachable = sendEmails(sender, emails, sent, failed);
            if (unreachable != null) {
                transactions.executeWithoutResult(status -> deliveries.serverUnreachable(unreachable, now));
            }
        }
        for (Due message : claimed.stream().filter(message -> message.channel().startsWith("social-")).toList()) {
            try {
                String[] reference = message.recipient().split(":", 2);
                connector.post(new SocialConnector.Post(reference[0], reference[1], message.channel().equals("social-public"),
                    message.text(), message.messageId()));
                sent.add(message);
            } catch (Exception failure) {
                failed.put(message, failure);
            }
        }
        if (!sent.isEmpty()) {
            transactions.executeWithoutResult(status -> deliveries.sent(sent, clock.instant()));
        }
        failed.forEach((message, failure) -> transactions.executeWithoutResult(status -> deliveries.failed(message, failure, now)));
        return sent.size();
    }

    // One connection for the whole batch; the server may still refuse single messages. Returns
    // the failure when the server could not be reached at all (then nothing was taken).
    private @Nullable RuntimeException sendEmails(JavaMailSender sender, List<Due> emails, List<Due> sent,
                                                  Map<Due, Exception> failures) {
        Map<MimeMessage, Due> byMessage = new LinkedHashMap<>();
        for (Due message : emails) {
            try {
                byMessage.put(mime(sender, message), message);
            } catch (MessagingException unbuildable) {
                failures.put(message, unbuildable);
            }
        }
        Map<Object, Exception> refused = Map.of();
        try {
            sender.send(byMessage.keySet().toArray(MimeMessage[]::new));
        } catch (MailSendException partly) {
            if (partly.getCause() != null && !partly.getFailedMessages().isEmpty()) {
                // Could not connect (Spring gives the cause only then): the server took nothing.
                byMessage.values().forEach(message -> failures.put(message, partly));
                return partly;
            }
            // Without failed messages, only closing the connection failed: every message was taken.
            refused = partly.getFailedMessages();
        } catch (RuntimeException unreachable) {
            byMessage.values().forEach(message -> failures.put(message, unreachable));
            return unreachable;
        }
        for (Map.Entry<MimeMessage, Due> entry : byMessage.entrySet()) {
            Exception failure = refused.get(entry.getKey());
            if (failure == null) {
                sent.add(entry.getValue());
            } else {
                failures.put(entry.getValue(), failure);
            }
        }
        return null;
    }

    private MimeMessage mime(JavaMailSender sender, Due message) throws MessagingException {
        MimeMessage mime = new MimeMessage(sender.createMimeMessage().getSession()) {
            @Override
            protected void updateMessageID() throws MessagingException {
                // Keep our own Message-ID: replies thread on it, and a resend carries the same one.
                setHeader("Message-ID", message.messageId());
            }
        };
        // Built with Jakarta Mail directly: Spring's helper would set up a MIME type map per message.
        mime.setFrom(new InternetAddress(settings.from()));
        mime.setRecipients(jakarta.mail.Message.RecipientType.TO, InternetAddress.parse(message.recipient()));
        mime.setSubject(message.subject() == null ? "" : message.subject(), "UTF-8");
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(message.text(), "UTF-8");
        MimeBodyPart rich = new MimeBodyPart();
        rich.setContent(html(message.text()), "text/html; charset=UTF-8");
        MimeMultipart words = new MimeMultipart("alternative", plain, rich);
        List<Attachments.Download> files = message.caseId() == null ? List.of() : attachments.ofOutbox(message.id());
        if (files.isEmpty()) {
            mime.setContent(words);
        } else {
            // The words first, then each file the agent attached, as sent to us.
            MimeBodyPart text = new MimeBodyPart();
            text.setContent(words);
            MimeMultipart mixed = new MimeMultipart("mixed", text);
            for (Attachments.Download file : files) {
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new jakarta.activation.DataHandler(
                    new jakarta.mail.util.ByteArrayDataSource(file.content(), file.contentType())));
                part.setFileName(file.filename()); // non-ASCII names are encoded by RFC 2231 (Jakarta Mail's default)
                part.setDisposition(jakarta.mail.Part.ATTACHMENT);
                mixed.addBodyPart(part);
            }
            mime.setContent(mixed);
        }
        if (message.inReplyTo() != null) {
            mime.setHeader("In-Reply-To", message.inReplyTo());
            mime.setHeader("References", message.inReplyTo());
        }
        return mime;
    }

    // The same words as HTML: escaped, paragraphs kept, links clickable.
    static String html(String text) {
        return "<!DOCTYPE html><html><body style=\"font-family: sans-serif; line-height: 1.5\">" + paragraphs(text) + "</body></html>";
    }

    /** The body of the HTML copy; the Mail page shows admins exactly this. */
    static String paragraphs(String text) {
        String escaped = org.springframework.web.util.HtmlUtils.htmlEscape(text);
        String linked = escaped.replaceAll("(https?://[^\\s<]+)", "<a href=\"$1\">$1</a>");
        StringBuilder html = new StringBuilder();
        for (String paragraph : linked.split("\\n\\s*\\n")) {
            html.append("<p>").append(paragraph.strip().replace("\n", "<br>")).append("</p>");
        }
        return html.toString();
    }
}
