package org.redress.incidents;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "Incident", description = "A known defect, outage or delay, its recovery plan, and how far telling its customers has got.")
record IncidentView(
    @Schema(description = "Identifier.") long id,
    @Schema(description = "Number, e.g. IN-0007.") String number,
    @Schema(description = "Short title, used as the notice's subject.") String title,
    @Schema(description = "What happened, in words for customers.") String whatHappened,
    @Schema(description = "What we are doing about it (the recovery plan).") String plan,
    @Schema(description = "The date by which it will be fixed.") LocalDate fixBy,
    @Schema(description = "Complaint category code of linked cases.") String category,
    @Schema(description = "Severity of linked cases, 1 (critical) to 4 (low).") int severity,
    @Schema(description = "OPEN or CLOSED.") String status,
    @Schema(description = "When notifying was asked for; null while customers have not been notified.") @Nullable Instant notifyRequestedAt,
    @Schema(description = "Whether a linked case is opened for every affected customer.") boolean openCases,
    @Schema(description = "The lesson learned, given when closing.") @Nullable String lesson,
    @Schema(description = "When it was declared.") Instant declaredAt,
    @Schema(description = "Who declared it.") String declaredBy,
    @Schema(description = "When it was closed.") @Nullable Instant closedAt,
    @Schema(description = "Who closed it.") @Nullable String closedBy,
    @Schema(description = "Progress with its customers.") Counts counts) {

    @Schema(name = "IncidentCounts", description = "How many affected customers are at each stage.")
    record Counts(
        @Schema(description = "Customers on the incident.") long affected,
        @Schema(description = "Of them, customers with an email address (who can be notified).") long reachable,
        @Schema(description = "Customers whose notice was written (queued, sent or failed).") long notified,
        @Schema(description = "Of them, notices waiting for the mail server (not yet sent).") long queued,
        @Schema(description = "Of them, notices the mail server took.") long sent,
        @Schema(description = "Of them, notices that could not be delivered.") long failed,
        @Schema(description = "Customers who opened their incident page.") long opened,
        @Schema(description = "Customers who said it affected them.") long replied,
        @Schema(description = "Customers with a linked case.") long cases,
        @Schema(description = "Customers whose linked case closed as recovered.") long recovered) {

        static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        /** Share of reachable customers whose notice was sent, 0–100, for progress bars. */
        public int sentPercent() {
            return reachable == 0 ? 0 : (int) Math.min(100, sent * 100 / reachable);
        }
    }

    static String number(long id) {
        return String.format("IN-%04d", id);
    }

    public boolean open() {
        return status.equals("OPEN");
    }
}
