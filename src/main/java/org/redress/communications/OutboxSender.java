package org.redress.communications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.redress.cases.CaseManagement;
import org.redress.cases.CaseView;
import org.redress.notifications.AlertInbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * Sends the outbox. Each sweep locks due rows with {@code skip locked}, so nodes sending at
 * once take different messages, and marks each sent in the same transaction: a message is
 * handed to the mail server once. (Should a node die after the server took a message and
 * before the commit, it is sent again with the same Message-ID, which mail systems use to
 * drop duplicates.) A server that is down is retried with a doubling delay; an address it
 * refuses, or too many attempts, fails the message, on the case's timeline.
 */
@Component
class OutboxSender {

    static final int BATCH = 50;
    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> mail;
    private final ObjectProvider<SocialConnector> social;
    private final TransactionTemplate transactions;
    private final CaseManagement cases;
    private final AlertInbox alerts;
    private final MailSettings settings;
    private final Clock clock;

    OutboxSender(JdbcClient jdbc, ObjectProvider<JavaMailSender> mail, ObjectProvider<SocialConnector> social,
                 TransactionTemplate transactions, CaseManagement cases, AlertInbox alerts, MailSettings settings, Clock clock) {
        this.alerts = alerts;
        this.jdbc = jdbc;
        this.mail = mail;
        this.social = social;
        this.transactions = transactions;
        this.cases = cases;
        this.settings = settings;
        this.clock = clock;
    }

    private record Due(long id, @Nullable Long caseId, String channel, String recipient, @Nullable String subject,
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
        int batch;
        do {
            int[] counts = transactions.execute(status -> sendBatch(channels, sender, connector));
            batch = counts[0];
            sent += counts[1];
        } while (batch == BATCH);
        return sent;
    }

    // The channel condition is one of the three literals above, never input.
    private int[] sendBatch(String channels, @Nullable JavaMailSender sender, @Nullable SocialConnector connector) {
        Instant now = clock.instant();
        List<Due> due = jdbc.sql("select id, case_id, channel, recipient, subject, body_text, message_id, in_reply_to, attempts"
                + " from outbox where state = 'PENDING' and next_attempt_at <= ? and " + channels
                + " order by next_attempt_at, id limit " + BATCH + " for update skip locked")
            .param(Timestamp.from(now))
            .query((rs, n) -> new Due(rs.getLong("id"), rs.getObject("case_id", Long.class), rs.getString("channel"),
                rs.getString("recipient"), rs.getString("subject"), rs.getString("body_text"), rs.getString("message_id"),
                rs.getString("in_reply_to"), rs.getInt("attempts")))
            .list();
        int sent = 0;
        List<Due> emails = due.stream().filter(message -> message.channel().equals("email")).toList();
        if (!emails.isEmpty()) {
            sent += sendEmails(sender, emails, now);
        }
        for (Due message : due.stream().filter(message -> message.channel().startsWith("social-")).toList()) {
            try {
                String[] reference = message.recipient().split(":", 2);
                connector.post(new SocialConnector.Post(reference[0], reference[1], message.channel().equals("social-public"),
                    message.text(), message.messageId()));
                markSent(message);
                sent++;
            } catch (Exception failure) {
                failed(message, failure, now);
            }
        }
        return new int[] {due.size(), sent};
    }

    // One connection for the whole batch; the server may still refuse single messages.
    private int sendEmails(JavaMailSender sender, List<Due> emails, Instant now) {
        java.util.Map<MimeMessage, Due> byMessage = new java.util.LinkedHashMap<>();
        for (Due message : emails) {
            try {
                byMessage.put(mime(sender, message), message);
            } catch (MessagingException unbuildable) {
                failed(message, unbuildable, now);
            }
        }
        java.util.Map<Object, Exception> refused = java.util.Map.of();
        try {
            sender.send(byMessage.keySet().toArray(MimeMessage[]::new));
        } catch (MailSendException partly) {
            refused = partly.getFailedMessages();
            if (refused.isEmpty()) {
                byMessage.values().forEach(message -> failed(message, partly, now));
                return 0;
            }
        } catch (RuntimeException unreachable) {
            byMessage.values().forEach(message -> failed(message, unreachable, now));
            return 0;
        }
        List<Long> sent = new java.util.ArrayList<>();
        for (java.util.Map.Entry<MimeMessage, Due> entry : byMessage.entrySet()) {
            Exception failure = refused.get(entry.getKey());
            if (failure == null) {
                sent.add(entry.getValue().id());
            } else {
                failed(entry.getValue(), failure, now);
            }
        }
        if (!sent.isEmpty()) {
            jdbc.sql("update outbox set state = 'SENT', sent_at = :at, attempts = attempts + 1, last_error = null where id in (:ids)")
                .param("at", Timestamp.from(clock.instant())).param("ids", sent).update();
        }
        return sent.size();
    }

    private void markSent(Due message) {
        jdbc.sql("update outbox set state = 'SENT', sent_at = ?, attempts = attempts + 1, last_error = null where id = ?")
            .params(Timestamp.from(clock.instant()), message.id()).update();
    }

    private void failed(Due message, Exception failure, Instant now) {
        int attempts = message.attempts() + 1;
        String why = reason(failure);
        if (refusedForGood(failure) || attempts >= settings.maxAttempts()) {
            jdbc.sql("update outbox set state = 'FAILED', attempts = ?, last_error = ? where id = ?")
                .params(attempts, why, message.id()).update();
            if (message.caseId() != null) {
                cases.recordOnTimeline(message.caseId(), "message.failed", "Could not deliver the message \""
                    + (message.subject() == null ? "" : message.subject()) + "\" to " + message.recipient() + ": " + why);
                CaseView c = cases.view(message.caseId());
                // Whoever holds the case must find another way to reach the customer.
                alerts.raise(c.assignee() == null ? List.of() : List.of(c.assignee().id()), c.id(), "message.failed",
                    "A message to the customer of " + c.number() + " could not be delivered (" + message.recipient() + "): " + why);
            }
            log.warn("Outbox message {} failed for good after {} attempts: {}", message.id(), attempts, why);
        } else {
            jdbc.sql("update outbox set attempts = ?, last_error = ?, next_attempt_at = ? where id = ?")
                .params(attempts, why, Timestamp.from(now.plus(settings.backoff(attempts))), message.id()).update();
        }
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
        mime.setContent(new MimeMultipart("alternative", plain, rich));
        if (message.inReplyTo() != null) {
            mime.setHeader("In-Reply-To", message.inReplyTo());
            mime.setHeader("References", message.inReplyTo());
        }
        return mime;
    }

    // The same words as HTML: escaped, paragraphs kept, links clickable.
    static String html(String text) {
        String escaped = org.springframework.web.util.HtmlUtils.htmlEscape(text);
        String linked = escaped.replaceAll("(https?://[^\\s<]+)", "<a href=\"$1\">$1</a>");
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family: sans-serif; line-height: 1.5\">");
        for (String paragraph : linked.split("\\n\\s*\\n")) {
            html.append("<p>").append(paragraph.strip().replace("\n", "<br>")).append("</p>");
        }
        return html.append("</body></html>").toString();
    }

    // The server refused the recipient (a 5xx answer): trying again would not help.
    private static boolean refusedForGood(Exception failure) {
        Throwable cause = failure;
        while (cause != null) {
            if (cause instanceof SendFailedException refused && refused.getInvalidAddresses() != null
                    && refused.getInvalidAddresses().length > 0) {
                return true;
            }
            if (cause instanceof MailSendException send && !send.getFailedMessages().isEmpty()) {
                for (Exception inner : send.getFailedMessages().values()) {
                    if (inner instanceof SendFailedException refused && refused.getInvalidAddresses() != null
                            && refused.getInvalidAddresses().length > 0) {
                        return true;
                    }
                }
            }
            cause = cause.getCause();
        }
        return false;
    }

    private static String reason(Exception failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return text.length() > 500 ? text.substring(0, 500) : text;
    }
}
