package org.redress.communications;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.redress.cases.CaseView;
import org.redress.cases.Channel;
import org.springframework.beans.factory.ObjectProvider;
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
 * Email: reaches every customer with an address; a batch goes over one SMTP connection,
 * as plain text with an HTML copy and the files the agent attached. Waits while no mail
 * server is configured; a server that cannot be reached is reported to {@link MailServerHealth}.
 */
@Component
class EmailChannel implements CustomerChannel {

    private final ObjectProvider<JavaMailSender> mail;
    private final MailSettings settings;
    private final Attachments attachments;
    private final TransactionTemplate transactions;
    private final Deliveries deliveries;
    private final Clock clock;

    EmailChannel(ObjectProvider<JavaMailSender> mail, MailSettings settings, Attachments attachments,
                 TransactionTemplate transactions, Deliveries deliveries, Clock clock) {
        this.mail = mail;
        this.settings = settings;
        this.attachments = attachments;
        this.transactions = transactions;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @Override
    public String name() {
        return CustomerChannels.EMAIL;
    }

    @Override
    public Channel caseChannel() {
        return Channel.EMAIL;
    }

    @Override
    public @Nullable String addressOf(CaseView recoveryCase) {
        return recoveryCase.customer().email();
    }

    @Override
    public boolean hasSubject() {
        return true;
    }

    @Override
    public boolean ready() {
        return mail.getIfAvailable() != null;
    }

    // One connection for the whole batch; the server may still refuse single messages.
    @Override
    public Map<Outgoing, Exception> send(List<Outgoing> emails) {
        JavaMailSender sender = mail.getObject();
        Map<Outgoing, Exception> failures = new LinkedHashMap<>();
        Map<MimeMessage, Outgoing> byMessage = new LinkedHashMap<>();
        for (Outgoing message : emails) {
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
                return unreachable(partly, byMessage.values(), failures);
            }
            // Without failed messages, only closing the connection failed: every message was taken.
            refused = partly.getFailedMessages();
        } catch (RuntimeException unreachable) {
            return unreachable(unreachable, byMessage.values(), failures);
        }
        for (Map.Entry<MimeMessage, Outgoing> entry : byMessage.entrySet()) {
            Exception failure = refused.get(entry.getKey());
            if (failure != null) {
                failures.put(entry.getValue(), failure);
            }
        }
        return failures;
    }

    private Map<Outgoing, Exception> unreachable(RuntimeException failure, java.util.Collection<Outgoing> batch,
                                                 Map<Outgoing, Exception> failures) {
        batch.forEach(message -> failures.put(message, failure));
        transactions.executeWithoutResult(status -> deliveries.serverUnreachable(failure, clock.instant()));
        return failures;
    }

    private MimeMessage mime(JavaMailSender sender, Outgoing message) throws MessagingException {
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
