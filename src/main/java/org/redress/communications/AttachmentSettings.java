package org.redress.communications;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code redress.attachments.*}: where the content of files is kept. {@code database}
 * (the default) in {@code case_attachments} itself, backed up with everything else;
 * {@code files} on disk under {@code directory} (a volume shared by every node), so that
 * large files do not weigh on the database. The rules for files (types, the largest size)
 * are {@link MailSettings#maxAttachmentBytes}'s and {@link Attachments}'.
 */
@ConfigurationProperties("redress.attachments")
record AttachmentSettings(@DefaultValue("database") Store store, @DefaultValue("data/attachments") String directory) {

    enum Store { DATABASE, FILES }
}
