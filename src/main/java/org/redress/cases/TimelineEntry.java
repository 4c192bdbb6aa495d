package org.redress.cases;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/** One line of a case's timeline. The timeline is append-only: nothing in it is ever changed. */
@Schema(description = "Something that happened on a case, with who did it and when.")
public record TimelineEntry(
    @Schema(description = "Identifier; increases with time.") long id,
    @Schema(description = "When it happened.") Instant occurredAt,
    @Schema(description = "The user who did it; null when Redress did it itself.") @Nullable Long actorId,
    @Schema(description = "Who did it.", example = "Ana Costa") String actorName,
    @Schema(description = "What kind of thing happened, e.g. `opened`, `step.acknowledge`, `assigned`, `note`, `closed`.",
        example = "step.acknowledge") String kind,
    @Schema(description = "What happened, in words.") String summary,
    @Schema(description = "True for internal notes, which the customer never sees.") boolean internal) {
}
