package org.redress.identity;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

import io.swagger.v3.oas.annotations.media.Schema;

/** A group of users who share a queue. */
@Table("teams")
@Schema(description = "A team of users who share a queue.")
public record Team(
    @Schema(description = "Identifier of the team.") @Id @Nullable Long id,
    @Schema(description = "Name of the team, unique.", example = "Deliveries") String name,
    @Schema(description = "When the team was created.") Instant createdAt) {
}
