package org.redress.communications;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.redress.cases.CaseFiles;
import org.redress.cases.CaseNumber;
import org.redress.shared.InvalidInput;
import org.redress.shared.NotFound;
import org.redress.shared.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The files customers send, kept with their case and the message they came with, for
 * staff to see and download, and the files agents attach to replies, sent with the mail.
 * Every file is checked here (type, size) before anything is written; its content is kept
 * in the row or on disk, as configured ({@link AttachmentStore}). Who may open the
 * case is checked before any of this is asked (every URL naming a case is), and the
 * customer's pages never ask: a customer's file is for the people handling their case.
 */
@Service
public class Attachments implements CaseFiles {

    @Schema(name = "Attachment", description = "A file the customer sent; its content is at "
        + "`/api/v1/cases/{case}/attachments/{id}`.")
    public record Attachment(@Schema(description = "Identifier.") long id,
                             @Schema(description = "The message it came with, if known.") @Nullable Long messageId,
                             @Schema(description = "The file's name as sent.") String filename,
                             @Schema(description = "Its type, e.g. image/jpeg (only accepted types are kept).") String contentType,
                             @Schema(description = "Its size in bytes.") long sizeBytes,
                             @Schema(description = "True for a file we sent the customer with a reply, false for one they sent.") boolean ours,
                             @Schema(description = "When it was received or sent.") Instant receivedAt) {}

    /** A file's content, to download. */
    public record Download(String filename, String contentType, byte[] content) {}

    /** A checked file, to keep. */
    record Checked(String name, String type, byte[] content) {}

    /** The types accepted, from customers and in replies: pictures, PDF and plain text, nothing a machine runs. */
    static final Set<String> ALLOWED_TYPES = Set.of("image/jpeg", "image/png", "image/gif", "image/webp", "application/pdf",
        "text/plain");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final MailSettings settings;
    private final AttachmentStore store;

    Attachments(JdbcClient jdbc, Clock clock, MailSettings settings, AttachmentStore store) {
        this.store = store;
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
    }

    /** Files as the API takes them (base64), checked; the first that breaks a rule refuses them all, naming it. */
    List<Checked> check(@Nullable List<InboundMail.Attachment> attachments) {
        List<Checked> files = new ArrayList<>();
        for (InboundMail.Attachment attachment : attachments == null ? List.<InboundMail.Attachment>of() : attachments) {
            if (attachment == null) {
                throw InvalidInput.field("attachments", "contains an empty entry (null) instead of a file");
            }
            String name = Text.required("attachments.filename", attachment.filename(), 255).trim();
            byte[] content;
            try {
                content = Base64.getMimeDecoder().decode(Text.required("attachments.content", attachment.content(), Integer.MAX_VALUE));
            } catch (IllegalArgumentException e) {
                throw InvalidInput.field("attachments", name + " is not valid base64");
            }
            files.add(check(name, attachment.contentType(), content));
        }
        return files;
    }

    /** Files uploaded through a form, checked; an empty file box (a part with no name) is no file. */
    List<Checked> checkUploads(@Nullable List<MultipartFile> uploads) {
        List<Checked> files = new ArrayList<>();
        for (MultipartFile upload : uploads == null ? List.<MultipartFile>of() : uploads) {
            String name = upload.getOriginalFilename();
            if (name == null || name.isBlank()) {
                continue;
            }
            try {
                files.add(check(name, upload.getContentType(), upload.getBytes()));
            } catch (IOException unreadable) {
                throw InvalidInput.field("attachments", name + " could not be read; please attach it again");
            }
        }
        return files;
    }

    /** One file, checked: a name, an accepted type and no more than the largest size. */
    Checked check(@Nullable String filename, @Nullable String contentType, byte[] content) {
        String name = Text.required("attachments.filename", filename, 255).trim();
        String type = Text.required("attachments.contentType", contentType, 100).trim().toLowerCase(Locale.ROOT);
        if (type.contains(";")) {
            type = type.substring(0, type.indexOf(';')).trim();
        }
        if (!ALLOWED_TYPES.contains(type)) {
            throw InvalidInput.field("attachments", name + ": files of type " + type + " are not accepted (accepted: "
                + String.join(", ", ALLOWED_TYPES.stream().sorted().toList()) + ")");
        }
        if (content.length > settings.maxAttachmentBytes()) {
            throw InvalidInput.field("attachments", name + " is " + content.length + " bytes; the limit is "
                + settings.maxAttachmentBytes());
        }
        return new Checked(name, type, content);
    }

    /** The largest file, as people read it (for forms). */
    String limit() {
        return CaseFiles.readable(settings.maxAttachmentBytes());
    }

    /**
     * Keeps checked files with their case, the message they belong to and, for a reply, the
     * outbox row that sends them: in the transaction that writes the message, so both or neither.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void keep(long caseId, @Nullable Long messageId, @Nullable Long outboxId, List<Checked> files) {
        for (Checked file : files) {
            String key = store.put(caseId, file.content());
            jdbc.sql("""
                    insert into case_attachments (case_id, message_id, outbox_id, filename, content_type, size_bytes, content,
                                                  storage_key, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(caseId, messageId, outboxId, file.name(), file.type(), file.content().length,
                    key == null ? file.content() : null, key, Timestamp.from(clock.instant()))
                .update();
        }
    }

    /** The files an outbox row carries, for the sender. */
    @Transactional(readOnly = true)
    List<Download> ofOutbox(long outboxId) {
        return jdbc.sql("select filename, content_type, content, storage_key from case_attachments where outbox_id = ? order by id")
            .param(outboxId)
            .query((rs, n) -> new Download(rs.getString("filename"), rs.getString("content_type"),
                store.read(rs.getBytes("content"), rs.getString("storage_key"))))
            .list();
    }

    @Transactional(readOnly = true)
    public List<Attachment> ofCase(long caseId) {
        return jdbc.sql("""
                select id, message_id, outbox_id, filename, content_type, size_bytes, created_at
                from case_attachments where case_id = ? order by id""")
            .param(caseId)
            .query((rs, n) -> new Attachment(rs.getLong("id"), rs.getObject("message_id", Long.class), rs.getString("filename"),
                rs.getString("content_type"), rs.getLong("size_bytes"), rs.getObject("outbox_id") != null,
                rs.getTimestamp("created_at").toInstant()))
            .list();
    }

    /** A file of this case; one of another case is "not found", as if it did not exist. */
    @Transactional(readOnly = true)
    public Download download(long caseId, long attachmentId) {
        return jdbc.sql("select filename, content_type, content, storage_key from case_attachments where case_id = ? and id = ?")
            .params(caseId, attachmentId)
            .query((rs, n) -> new Download(rs.getString("filename"), rs.getString("content_type"),
                store.read(rs.getBytes("content"), rs.getString("storage_key"))))
            .optional()
            .orElseThrow(() -> new NotFound("There is no file " + attachmentId + " on " + CaseNumber.format(caseId) + "."));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<@Nullable Long, List<File>> byMessage(long caseId) {
        Map<@Nullable Long, List<File>> files = new LinkedHashMap<>();
        for (Attachment a : ofCase(caseId)) {
            files.computeIfAbsent(a.messageId(), key -> new ArrayList<>())
                .add(new File(a.id(), a.filename(), a.contentType(), a.sizeBytes()));
        }
        return files;
    }
}
