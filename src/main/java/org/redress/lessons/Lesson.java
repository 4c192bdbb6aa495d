package org.redress.lessons;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "What a case taught, and the action that will keep its cause from striking again.")
public record Lesson(
    @Schema(description = "Lesson id.") long id,
    @Schema(description = "The case it was learnt from (id).") long caseId,
    @Schema(description = "The case's number.") String caseNumber,
    @Schema(description = "The case's root cause (a code of the root-cause taxonomy).") @Nullable String rootCause,
    @Schema(description = "What went wrong and what it teaches.") String lesson,
    @Schema(description = "The action that will prevent it; none for a lesson without one.") @Nullable String action,
    @Schema(description = "Who sees to the action (user id).") @Nullable Long ownerId,
    @Schema(description = "Their name.") @Nullable String ownerName,
    @Schema(description = "By when the action is to be done.") @Nullable LocalDate dueOn,
    @Schema(description = "NO_ACTION, OPEN, DONE or DROPPED.") Status status,
    @Schema(description = "Whether the action is open after its due date.") boolean overdue,
    @Schema(description = "When the lesson was recorded.") Instant recordedAt,
    @Schema(description = "Who recorded it.") String recordedBy,
    @Schema(description = "When the action was done or dropped.") @Nullable Instant settledAt,
    @Schema(description = "Who marked it done or dropped it.") @Nullable String settledBy,
    @Schema(description = "What was done, or why it was dropped.") @Nullable String settledNote) {

    public enum Status {
        /** A lesson recorded without an action. */
        NO_ACTION,
        OPEN,
        DONE,
        DROPPED
    }
}
