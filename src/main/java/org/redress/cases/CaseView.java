package org.redress.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.redress.customers.CustomerView;

import io.swagger.v3.oas.annotations.media.Schema;

/** A recovery case as the API and console show it. */
@Schema(description = "A recovery case: one customer's bad experience and our recovery of it.")
public record CaseView(
    @Schema(description = "Identifier.", example = "123") long id,
    @Schema(description = "Human-readable number.", example = "RC-000123") String number,
    @Schema(description = "NEW, IN_PROGRESS, RESOLUTION_AGREED, FULFILLED or CLOSED; follows from the steps done.") CaseStatus status,
    @Schema(description = "For closed cases: RECOVERED or NOT_RECOVERED; null for a case closed for a reason.") @Nullable Outcome outcome,
    @Schema(description = "For a case closed without an outcome: DUPLICATE, SPAM or NOT_A_COMPLAINT.") @Nullable CloseReason closeReason,
    @Schema(description = "For a duplicate: the number of the case it repeats, into which it was merged when closed: "
        + "its messages, timeline, open promises and remedies not yet final moved there, and the customer's link opens it.",
        example = "RC-000122") @Nullable String duplicateOf,
    @Schema(description = "The playbook step to do next; null when every step is done (ready to close) or the case is closed.")
    @Nullable NextStep nextStep,
    @Schema(description = "The customer.") CustomerView customer,
    @Schema(description = "Where the complaint came in.", example = "email") String channel,
    @Schema(description = "Category code from the taxonomy.", example = "delivery") String category,
    @Schema(description = "1 (critical) to 4 (low).", example = "2") int severity,
    @Schema(description = "Short summary.") String subject,
    @Schema(description = "The user handling the case, if assigned.") @Nullable Ref assignee,
    @Schema(description = "The team whose queue holds the case, if any.") @Nullable Ref team,
    @Schema(description = "Tags, lower case.") Set<String> tags,
    @Schema(description = "Root cause code, once identified.") @Nullable String rootCause,
    @Schema(description = "Our part in the failure, once identified: OURS, PARTLY_OURS or NOT_OURS.") @Nullable Responsibility responsibility,
    @Schema(description = "The agreed resolution, in words.") @Nullable String resolution,
    @Schema(description = "The date we promised to deliver the resolution by.") @Nullable LocalDate promisedBy,
    @Schema(description = "From the follow-up: is the customer satisfied?") @Nullable Boolean satisfied,
    @Schema(description = "From the follow-up: satisfaction 1–5, if asked.") @Nullable Integer satisfaction,
    @Schema(description = "Every playbook step, in order, with who did it and when.") List<StepState> steps,
    @Schema(description = "When the case was opened.") Instant openedAt,
    @Schema(description = "When anything last happened on it.") Instant updatedAt,
    @Schema(description = "When it was closed.") @Nullable Instant closedAt,
    @Schema(description = "The most pressing time target still running, if any: the same as the case's `deadline` in lists "
        + "and the queue; null on a closed case or when no target runs.") CaseSummary.@Nullable Deadline deadline) {

    /** A reference to a user or team, with the name to show. */
    @Schema(description = "A user or team.")
    public record Ref(@Schema(description = "Identifier.") long id, @Schema(description = "Name.") String name) {}

    @Schema(description = "The guided next step.")
    public record NextStep(
        @Schema(description = "The step.", example = "ACKNOWLEDGE") PlaybookStep step,
        @Schema(description = "Its name.", example = "Acknowledge") String label,
        @Schema(description = "What to do.") String guidance,
        @Schema(description = "The API action that records it: POST /api/v1/cases/{id}/{action}.", example = "acknowledge") String action) {

        static NextStep of(PlaybookStep step) {
            return new NextStep(step, step.label(), step.guidance(), step.action());
        }
    }

    @Schema(description = "A playbook step on this case.")
    public record StepState(
        @Schema(description = "The step.") PlaybookStep step,
        @Schema(description = "Its name.") String label,
        @Schema(description = "Whether it is done.") boolean done,
        @Schema(description = "Whether it can be done now (its prerequisites are done and the case is open).") boolean available,
        @Schema(description = "Whether, done already, it may be recorded again now to refine it (the agreed resolution until it is delivered; understanding always).") boolean refinable,
        @Schema(description = "When it was done.") @Nullable Instant doneAt,
        @Schema(description = "Who did it.") @Nullable String doneBy,
        @Schema(description = "What was said or recorded with it.") @Nullable String note) {
    }

    /** The case this one was merged into (closed as its duplicate), if so. */
    public @Nullable String mergedInto() {
        return closeReason == CloseReason.DUPLICATE ? duplicateOf : null;
    }

    public boolean closed() {
        return status == CaseStatus.CLOSED;
    }

    /** The state of one playbook step on this case. */
    public StepState step(PlaybookStep step) {
        return steps.stream().filter(state -> state.step() == step).findFirst().orElseThrow();
    }

    /** All steps done and the case still open: the agent can close it as recovered. */
    public boolean readyToClose() {
        return !closed() && nextStep == null;
    }
}
