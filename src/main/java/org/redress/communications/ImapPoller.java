package org.redress.communications;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.redress.shared.Conflict;
import org.redress.shared.InvalidInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.search.FlagTerm;

/**
 * Reads new mail from the mailbox and hands each message to the {@link Mailbox}; a message
 * is marked seen once taken (or refused: a refused message is logged, not retried forever).
 * One node polls at a time (a db-scheduler task), and the Message-ID guards against a
 * message taken twice.
 */
@Component
class ImapPoller {

    private static final Logger log = LoggerFactory.getLogger(ImapPoller.class);

    private final Mailbox mailbox;
    private final ImapSettings settings;

    ImapPoller(Mailbox mailbox, ImapSettings settings) {
        this.mailbox = mailbox;
        this.settings = settings;
    }

    /** Takes the unseen messages; returns how many. */
    int poll() {
        if (!settings.enabled()) {
            return 0;
        }
        int taken = 0;
        // Reading a message must not mark it seen: only a message taken (or refused for good) is.
        try (Store store = settings.connect(true)) {
            Folder folder = store.getFolder(settings.folder());
            folder.open(Folder.READ_WRITE);
            try {
                for (Message message : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    if (take(message)) {
                        message.setFlag(Flags.Flag.SEEN, true);
                        taken++;
                    }
                }
            } finally {
                folder.close(false);
            }
        } catch (MessagingException e) {
            log.warn("Could not read the mailbox at {}: {}", settings.host(), e.getMessage());
        }
        return taken;
    }

    // True when the message is done with: taken, or refused for good (it would be refused again).
    // Anything else (the database away, say) leaves it unseen, to be taken at the next poll.
    private boolean take(Message message) {
        try {
            mailbox.receive(convert(message));
            return true;
        } catch (InvalidInput | Conflict refused) {
            log.warn("Refused an email from the mailbox for good: {}", refused.getMessage());
            return true;
        } catch (IOException | MessagingException | RuntimeException failure) {
            log.warn("Could not take an email from the mailbox now; will try again: {}", failure.getMessage());
            return false;
        }
    }

    static InboundMail convert(Message message) throws MessagingException, IOException {
        Address[] from = message.getFrom();
        InternetAddress sender = from != null && from.length > 0 && from[0] instanceof InternetAddress address ? address : null;
        Map<String, String> headers = new LinkedHashMap<>();
        for (Enumeration<Header> all = message.getAllHeaders(); all.hasMoreElements(); ) {
            Header header = all.nextElement();
            headers.putIfAbsent(header.getName(), header.getValue());
        }
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder();
        List<InboundMail.Attachment> attachments = new ArrayList<>();
        collect(message, text, html, attachments);
        return new InboundMail(sender == null ? null : sender.getAddress(), sender == null ? null : sender.getPersonal(), null,
            message.getSubject(), text.isEmpty() ? null : text.toString(), html.isEmpty() ? null : html.toString(),
            first(message.getHeader("Message-ID")), first(message.getHeader("In-Reply-To")), first(message.getHeader("References")),
            headers, attachments);
    }

    private static void collect(Part part, StringBuilder text, StringBuilder html, List<InboundMail.Attachment> attachments)
            throws MessagingException, IOException {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null) {
            try (InputStream content = part.getInputStream()) {
                attachments.add(new InboundMail.Attachment(part.getFileName(), part.getContentType(),
                    Base64.getEncoder().encodeToString(content.readAllBytes())));
            }
        } else if (part.isMimeType("text/plain") && text.isEmpty()) {
            text.append(part.getContent());
        } else if (part.isMimeType("text/html") && html.isEmpty()) {
            html.append(part.getContent());
        } else if (part.isMimeType("message/rfc822") && part.getContent() instanceof Message original) {
            // The bounced message, inside a delivery report: its Message-ID says which of ours failed.
            String[] id = original.getHeader("Message-ID");
            text.append("\nOriginal-Message-ID: ").append(id == null || id.length == 0 ? "" : id[0]).append('\n');
        } else if (part.isMimeType("text/rfc822-headers") || part.isMimeType("message/delivery-status")) {
            try (InputStream report = part.getInputStream()) {
                text.append('\n').append(new String(report.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), text, html, attachments);
            }
        }
    }

    private static @Nullable String first(String @Nullable [] values) {
        return values == null || values.length == 0 ? null : values[0];
    }
}
