package org.redress.communications;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Email to the people who work in Redress rather than to customers (the weekly insights
 * digest). It goes through the same outbox as customers' mail, so it is sent if and only if
 * the caller's transaction commits, by one node, with the same retries, mail server health
 * and Mail page; it belongs to no case, so a failure is logged and shown there, not put on a
 * timeline. Its Message-IDs start with {@value #ID_PREFIX}: a reply to it (a lead answering
 * the digest) is set aside by the mailbox instead of opening a complaint.
 */
@Service
public class StaffMail {

    static final String ID_PREFIX = "staff.";

    private final Outbox outbox;

    StaffMail(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Queues a plain-text email (links become clickable in its HTML copy), joining the caller's transaction; returns its Message-ID. */
    @Transactional(propagation = Propagation.MANDATORY)
    public String queue(String recipient, String subject, String text, String createdBy) {
        return outbox.queue(null, "email", recipient, subject, text, null, createdBy, ID_PREFIX);
    }

    /** Whether one of these Message-IDs (an email's In-Reply-To and References) is of mail we sent to staff. */
    static boolean answers(List<String> threadIds) {
        return threadIds.stream().anyMatch(id -> id.toLowerCase(Locale.ROOT).startsWith("<" + ID_PREFIX));
    }
}
