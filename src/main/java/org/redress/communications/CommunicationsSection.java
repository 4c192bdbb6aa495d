package org.redress.communications;

import java.util.List;

import org.redress.customers.Erasure;
import org.redress.customers.TableSection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What was written to and from the customer outside the case's own messages: mail sent and
 * queued, mail received, and attachments (their content included in an export). An erasure
 * also deletes their mail from the mailbox Redress reads.
 */
@Component
class CommunicationsSection extends TableSection {

    private static final String THEIR_OUTBOX = "case_id in (:cases) or lower(recipient) = lower(:email)";
    private static final String THEIR_INBOUND_MAIL = "case_id in (:cases) or lower(sender) = lower(:email)";

    private final MailboxPurge mailbox;

    CommunicationsSection(JdbcClient jdbc, MailboxPurge mailbox) {
        super(jdbc, "communications",
            "outbox", "select * from outbox where " + THEIR_OUTBOX + " order by id",
            "inboundMail", "select * from inbound_mail where " + THEIR_INBOUND_MAIL + " order by id",
            "attachments", "select * from case_attachments where case_id in (:cases) order by id");
        this.mailbox = mailbox;
    }

    // The mailbox first: if it cannot be reached, the erasure stops before the database changes.
    @Override
    public int erase(Subject subject) {
        int purged = subject.email() == null ? 0 : mailbox.purge(subject.email());
        return purged + super.erase(subject);
    }

    @Override
    protected List<Erasure> erasures() {
        return List.of(
            // Mail still waiting would go to an address we no longer hold: it is not sent.
            Erasure.sql("update outbox set state = 'FAILED', last_error = 'The customer''s personal data was erased.'"
                + " where (" + THEIR_OUTBOX + ") and state in ('PENDING', 'SENDING')"),
            Erasure.sql("update outbox set recipient = :erased, subject = null, body_text = :erased, body_html = null"
                + " where " + THEIR_OUTBOX),
            Erasure.sql("update inbound_mail set sender = :erased, subject = null where " + THEIR_INBOUND_MAIL),
            Erasure.redact("inbound_mail", "case_id in (:cases)", "reason"),
            Erasure.sql("delete from case_attachments where case_id in (:cases)"));
    }
}
