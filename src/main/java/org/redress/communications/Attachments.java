package org.redress.communications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.redress.cases.CaseFiles;
import org.redress.cases.CaseNumber;
import org.redress.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The files customers send, kept with their case and the message they came with, for
 * staff to see and download. Who may open the case is checked before any of this is asked
 * (every URL naming a case is), and the customer's pages never ask: a customer's file is
 * for the people handling their case. Files are checked (type, size) before they get here.
 */
@Service
@Transactional
public class Attachments implements CaseFiles {

    @Schema(name = "Attachment", description = "A file the customer sent; its content is at "
        + "`/api/v1/cases/{case}/attachments/{id}`.")
    public record Attachment(@Schema(description = "Identifier.") long id,
                             @Schema(description = "The message it came with, if known.") @Nullable Long messageId,
                             @Schema(description = "The file's name as sent.") String filename,
                             @Schema(description = "Its type, e.g. image/jpeg (only accepted types are kept).") String contentType,
                             @Schema(description = "Its size in bytes.") long sizeBytes,
                             @Schema(description = "When it was received.") Instant receivedAt) {}

    /** A file's content, to download. */
    public record Download(String filename, String contentType, byte[] content) {}

    /** A checked file, to keep. */
    record Checked(String name, String type, byte[] content) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    Attachments(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void keep(long caseId, @Nullable Long messageId, List<Checked> files) {
        for (Checked file : files) {
            jdbc.sql("""
                    insert into case_attachments (case_id, message_id, filename, content_type, size_bytes, content, created_at)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                .params(caseId, messageId, file.name(), file.type(), file.content().length, file.content(),
                    Timestamp.from(clock.instant()))
                .update();
        }
    }

    @Transactional(readOnly = true)
    public List<Attachment> ofCase(long caseId) {
        return jdbc.sql("""
                select id, message_id, filename, content_type, size_bytes, created_at
                from case_attachments where case_id = ? order by id""")
            .param(caseId)
            .query((rs, n) -> new Attachment(rs.getLong("id"), rs.getObject("message_id", Long.class), rs.getString("filename"),
                rs.getString("content_type"), rs.getLong("size_bytes"), rs.getTimestamp("created_at").toInstant()))
            .list();
    }

    /** A file of this case; one of another case is "not found", as if it did not exist. */
    @Transactional(readOnly = true)
    public Download download(long caseId, long attachmentId) {
        return jdbc.sql("select filename, content_type, content from case_attachments where case_id = ? and id = ?")
            .params(caseId, attachmentId)
            .query((rs, n) -> new Download(rs.getString("filename"), rs.getString("content_type"), rs.getBytes("content")))
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
