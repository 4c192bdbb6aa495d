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
        State state,
        @Schema(description = "Business minutes left until it is due: negative when overdue; for a paused target, what will be left when it runs again.",
            example = "130")
        long minutesLeft) {

        public enum State { ON_TRACK, AT_RISK, BREACHED, PAUSED }

        /** How a person reads it: "2 h 10 min left", "overdue by 35 min", "paused, 3 h left". */
        public String timeLeft() {
            String span = span(Math.abs(minutesLeft));
            return switch (state) {
                case BREACHED -> "overdue by " + span;
                case PAUSED -> "paused, " + span + " left";
                default -> span + " left";
            };
        }

        private static String span(long minutes) {
            long days = minutes / (24 * 60);
            long hours = minutes % (24 * 60) / 60;
            long rest = minutes % 60;
            if (days > 0) {
                return days + " d" + (hours > 0 ? " " + hours + " h" : "");
            }
            return hours > 0 ? hours + " h" + (rest > 0 ? " " + rest + " min" : "") : rest + " min";
        }
    }

    CaseSummary completed(@Nullable PlaybookStep next, @Nullable Deadline pressing) {
        return new CaseSummary(id, number, status, outcome, severity, category, channel, subject, customerId, customerName,
            assigneeId, assigneeName, next, openedAt, updatedAt, pressing);
    }
}
