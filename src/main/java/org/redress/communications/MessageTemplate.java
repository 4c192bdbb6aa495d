package org.redress.communications;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import io.swagger.v3.oas.annotations.media.Schema;

/** A message template: for one purpose, channel and language. */
@Table("message_templates")
@Schema(name = "MessageTemplate", description = "A message template, with {{variables}}.")
public record MessageTemplate(
    @Schema(description = "Identifier.") @Id @Nullable Long id,
    @Schema(description = "What it is for.") Purpose purpose,
    @Schema(description = "Channel code, e.g. email or social.") String channel,
    @Schema(description = "Language (ISO 639-1), e.g. en.") String language,
    @Schema(description = "Subject line (email); may use variables.") @Nullable String subject,
    @Schema(description = "The text; variables: {{customer.name}}, {{case.number}}, {{promise.date}}, {{remedy}}, {{agent.name}}, {{customer.link}}.") String body,
    @Schema(description = "When it last changed.") Instant updatedAt,
    @Schema(hidden = true) @Version int version) {
}
