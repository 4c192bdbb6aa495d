package org.redress.notifications;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/** Something a user must look at, usually about a case. */
@Schema(name = "Alert", description = "Something a user must look at: a target at risk or missed, a follow-up due, a promise broken.")
public record StaffAlert(
    @Schema(description = "Identifier.") long id,
    @Schema(description = "The case it is about, if any.") @Nullable Long caseId,
    @Schema(description = "The case number, if any.", example = "RC-000123") @Nullable String caseNumber,
    @Schema(description = "What happened: sla.at-risk, sla.breached, followup.due, promise.broken, approval.requested, approval.overdue, or an answer to an offer: remedy.countered, remedy.declined, remedy.accepted.") String kind,
    @Schema(description = "What happened, in words.") String text,
    @Schema(description = "When it was raised.") Instant createdAt,
    @Schema(description = "When the user marked it read; null while unread.") @Nullable Instant readAt) {
}
