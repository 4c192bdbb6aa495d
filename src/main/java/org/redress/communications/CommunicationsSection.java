package org.redress.communications;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.redress.customers.Erasure;
import org.redress.customers.TableSection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What was written to and from the customer outside the case's own messages: mail sent and
 * queued, mail received, and attachments (their content included in an export, from the
 * database or the disk). An erasure also deletes their
 * mail from the mailbox Redress reads, and their files on disk.
 */
@Component
class CommunicationsSection extends TableSection {

    private static final String THEIR_OUTBOX = "case_id in (:cases) or lower(recipient) = lower(:email)";
    private static final String THEIR_INBOUND_MAIL = "case_id in (:cases) or lower(sender) = lower(:email)";

    private final MailboxPurge mailbox;
    private final JdbcClient jdbc;
    private final AttachmentStore files;

    CommunicationsSection(JdbcClient jdbc, MailboxPurge mailbox, AttachmentStore files) {
        super(jdbc, "communications",
            "outbox", "select * from outbox where " + THEIR_OUTBOX + " order by id",
            "inboundMail", "select * from inbound_mail where " + THEIR_INBOUND_MAIL + " order by id",
            "attachments", "select * from case_attachments where case_id in (:cases) order by id");
        this.mailbox = mailbox;
        this.jdbc = jdbc;
        this.files = files;
    }

    // A file kept on disk is exported with its content, as one kept in the database is.
    @Override
    @SuppressWarnings("unchecked")
    public Object export(Subject subject) {
        Map<String, Object> section = (Map<String, Object>) super.export(subject);
        for (Map<String, @Nullable Object> row : (List<Map<String, @Nullable Object>>) section.get("attachments")) {
            if (row.get("storage_key") instanceof String key) {
                row.put("content", files.read(null, key));
            }
        }
        return section;
    }

    // The mailbox first: if it cannot be reached, the erasure stops before the database changes.
    @Override
    public int erase(Subject subject) {
        int purged = subject.email() == null ? 0 : mailbox.purge(subject.email());
        // Files kept on disk go with their rows, once the erasure has committed.
        List<String> onDisk = jdbc.sql("select storage_key from case_attachments where case_id in (:cases) and storage_key is not null")
            .params(org.redress.customers.DataRows.parameters(subject)).query(String.class).list();
        int erased = purged + super.erase(subject);
        files.deleteAfterCommit(onDisk);
        return erased;
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
            Erasure.sql("delete from case_attachments where case_id in (:cases)"),
            // Their chat can no longer be opened: whoever holds the widget's secret finds nothing.
            Erasure.sql("delete from channel_conversations where case_id in (:cases)"));
    }
}
