package org.redress.communications;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/** An email as received, from the mailbox or from a mail provider's webhook. */
@Schema(name = "InboundEmail", description = "An email received for Redress (a mail provider's inbound webhook).")
public record InboundMail(
    @Schema(description = "Sender address.", requiredMode = Schema.RequiredMode.REQUIRED, example = "maria@example.com") @Nullable String from,
    @Schema(description = "Sender name, if given.") @Nullable String fromName,
    @Schema(description = "Recipient address.") @Nullable String to,
    @Schema(description = "Subject.") @Nullable String subject,
    @Schema(description = "Plain-text body (or give html).") @Nullable String text,
    @Schema(description = "HTML body, used when there is no text.") @Nullable String html,
    @Schema(description = "Message-ID header; a message is taken once.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String messageId,
    @Schema(description = "In-Reply-To header.") @Nullable String inReplyTo,
    @Schema(description = "References header (space-separated Message-IDs).") @Nullable String references,
    @Schema(description = "Other headers that matter, e.g. Auto-Submitted, Precedence, Content-Type.") @Nullable Map<String, String> headers,
    @Schema(description = "Attached files.") @Nullable List<Attachment> attachments) {

    @Schema(name = "InboundAttachment", description = "An attached file.")
    public record Attachment(@Schema(description = "File name.") @Nullable String filename,
                             @Schema(description = "Content type, e.g. image/jpeg.") @Nullable String contentType,
                             @Schema(description = "Content, base64.") @Nullable String content) {}
}
