package org.redress.cases;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The files customers sent with their messages, kept by the module that receives them
 * (communications). The case page shows each message's files through this port, so that
 * this module needs neither that module nor its tables. For staff only: the customer's
 * pages never ask.
 */
public interface CaseFiles {

    /** A file as the conversation lists it; its content is downloaded from the case's attachments URL. */
    record File(long id, String filename, String contentType, long sizeBytes) {

        /** The size as people read it: 512 bytes, 14 KB, 2.3 MB. */
        public String size() {
            return readable(sizeBytes);
        }
    }

    /** A number of bytes as people read it: 512 bytes, 14 KB, 2.3 MB. */
    static String readable(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return Math.round(bytes / 1024.0) + " KB";
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    /** The case's files by the id of the message they came with (null: a file that came with no message we know). */
    Map<@Nullable Long, List<File>> byMessage(long caseId);
}
