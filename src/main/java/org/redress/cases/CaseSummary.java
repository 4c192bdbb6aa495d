package org.redress.cases;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/** A line of a case list or queue. */
@Schema(description = "A case as it appears in lists and queues.")
public record CaseSummary(
    @Schema(description = "Identifier.") long id,
    @Schema(description = "Human-readable number.", example = "RC-000123") String number,
    @Schema(description = "Status.") CaseStatus status,
    @Schema(description = "Outcome, for closed cases.") @Nullable Outcome outcome,
    @Schema(description = "1 (critical) to 4 (low).") int severity,
    @Schema(description = "Category code.") String category,
    @Schema(description = "Channel code.") String channel,
    @Schema(description = "Short summary.") String subject,
    @Schema(description = "Customer identifier.") long customerId,
    @Schema(description = "Customer name, email or reference.") String customerName,
    @Schema(description = "Assignee identifier, if assigned.") @Nullable Long assigneeId,
    @Schema(description = "Assignee name, if assigned.") @Nullable String assigneeName,
    @Schema(description = "The next playbook step, if any.") @Nullable PlaybookStep nextStep,
    @Schema(description = "When the case was opened.") Instant openedAt,
    @Schema(description = "When anything last happened on it.") Instant updatedAt,
    @Schema(description = "The most pressing time target still running, if any.") @Nullable Deadline deadline) {

    /** The time target most pressing on an open case. */
    @Schema(name = "CaseDeadline", description = "The time target most pressing on an open case.")
    public record Deadline(
        @Schema(description = "The step that is timed.", example = "ACKNOWLEDGE") PlaybookStep step,
        @Schema(description = "When it is due.") Instant dueAt,
        @Schema(description = "ON_TRACK, AT_RISK (past the warning share), BREACHED (past due) or PAUSED (waiting on the customer).")
        State state) {

        public enum State { ON_TRACK, AT_RISK, BREACHED, PAUSED }
    }

    CaseSummary completed(@Nullable PlaybookStep next, @Nullable Deadline pressing) {
        return new CaseSummary(id, number, status, outcome, severity, category, channel, subject, customerId, customerName,
            assigneeId, assigneeName, next, openedAt, updatedAt, pressing);
    }
}
