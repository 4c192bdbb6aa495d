package org.redress.remedies;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/** A remedy as the API shows it. */
@Schema(name = "Remedy", description = "A remedy on a case and where it stands.")
public record RemedyView(
    @Schema(description = "Identifier.") long id,
    @Schema(description = "The case.") long caseId,
    @Schema(description = "Remedy type code.", example = "refund") String type,
    @Schema(description = "Amount, in the currency's units.", example = "49.90") String amount,
    @Schema(description = "ISO 4217 currency.", example = "EUR") String currency,
    @Schema(description = "For a percentage discount: the percentage (the amount is that share of the base).") @Nullable Integer percent,
    @Schema(description = "The remedy in words, with its amount.") String terms,
    @Schema(description = "PENDING_APPROVAL, APPROVED, REJECTED, OFFERED, ACCEPTED, DECLINED, COUNTERED, FULFILLED or WITHDRAWN.") String state,
    @Schema(description = "Who asked for it (proposed it).") String proposedBy,
    @Schema(description = "Who granted (or rejected) it, once decided: the proposer within their authority, else the approver.") @Nullable String grantedBy,
    @Schema(description = "Who approved it beyond the proposer's authority; null when the proposer granted it on their own "
        + "authority, or while undecided.") @Nullable String approvedBy,
    @Schema(description = "When it was granted.") @Nullable Instant grantedAt,
    @Schema(description = "While waiting for approval: by when a decision is due.") @Nullable Instant approvalDueAt,
    @Schema(description = "The approver's note or the reason for rejecting or withdrawing.") @Nullable String decisionNote,
    @Schema(description = "The date we will deliver it by, once offered.") @Nullable LocalDate deliverBy,
    @Schema(description = "When it was offered to the customer.") @Nullable Instant offeredAt,
    @Schema(description = "The customer's words with their answer.") @Nullable String customerNote,
    @Schema(description = "For a counter: the amount the customer asked for, if any.") @Nullable String counterAmount,
    @Schema(description = "The fulfilment reference, e.g. the refund id.") @Nullable String fulfilmentRef,
    @Schema(description = "When it was fulfilled.") @Nullable Instant fulfilledAt) {

    static RemedyView of(Remedy remedy, String terms) {
        Money counter = remedy.counterAmount();
        return new RemedyView(remedy.id() == null ? 0 : remedy.id(), remedy.caseId(), remedy.remedyType(), remedy.amount().amount(),
            remedy.amount().currency().getCurrencyCode(), remedy.percent(), terms, remedy.state().name(), remedy.proposedByName(),
            remedy.grantedByName(), approver(remedy), remedy.grantedAt(), remedy.approvalDueAt(), remedy.decisionNote(), remedy.deliverBy(),
            remedy.offeredAt(), remedy.customerNote(), counter == null ? null : counter.amount(), remedy.fulfilmentRef(),
            remedy.fulfilledAt());
    }

    // Granted by someone other than the proposer means approved by them; a rejection is not an approval.
    private static @Nullable String approver(Remedy remedy) {
        boolean approvedByAnother = remedy.grantedById() != null && !remedy.grantedById().equals(remedy.proposedById())
            && remedy.state() != Remedy.State.REJECTED;
        return approvedByAnother ? remedy.grantedByName() : null;
    }
}
