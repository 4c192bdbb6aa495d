package org.redress.promises;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.redress.shared.Actor;
import org.redress.shared.Conflict;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import io.swagger.v3.oas.annotations.media.Schema;

/** A commitment to a customer. Once kept or broken it is settled and does not change again. */
@Table("promises")
@Schema(name = "Promise", description = "A commitment made to a customer.")
public record Promise(
    @Schema(description = "Identifier.") @Id @Nullable Long id,
    @Schema(description = "The case it was made on.") long caseId,
    @Schema(description = "What we promised.", example = "Refund of 49.90 EUR to the original card") String description,
    @Schema(description = "RESOLUTION (made by agreeing a resolution), REMEDY (a remedy the customer accepted) or MANUAL.") Source source,
    @Schema(description = "When it is due.") Instant dueAt,
    @Schema(description = "The user who owns it, if any.") @Nullable Long ownerId,
    @Schema(description = "Who owns it.") String ownerName,
    @Schema(description = "OPEN, KEPT or BROKEN.") Status status,
    @Schema(description = "When it was made.") Instant madeAt,
    @Schema(description = "Who made it.") String madeByName,
    @Schema(description = "When it was kept or broken.") @Nullable Instant settledAt,
    @Schema(description = "How it was kept, or why it was broken.") @Nullable String note,
    @Schema(description = "What it comes from, when another record (e.g. remedy:12).") @Nullable String reference,
    @Schema(hidden = true) @Version int version) {

    public enum Status { OPEN, KEPT, BROKEN }

    public enum Source { RESOLUTION, REMEDY, MANUAL }

    static Promise make(long caseId, String description, Source source, Instant dueAt, @Nullable Long ownerId,
                        String ownerName, Actor madeBy, Instant now) {
        return new Promise(null, caseId, description, source, dueAt, ownerId, ownerName, Status.OPEN, now, madeBy.name(),
            null, null, null, 0);
    }

    Promise withReference(String what) {
        return new Promise(id, caseId, description, source, dueAt, ownerId, ownerName, status, madeAt, madeByName, settledAt,
            note, what, version);
    }

    /** The same commitment, its terms refined: what, by when, and what it stands on. */
    Promise refined(String what, Instant due, @Nullable String standsOn) {
        requireOpen();
        return new Promise(id, caseId, what, source, due, ownerId, ownerName, status, madeAt, madeByName, settledAt, note,
            standsOn, version);
    }

    Promise keep(Instant now, @Nullable String how) {
        requireOpen();
        return new Promise(id, caseId, description, source, dueAt, ownerId, ownerName, Status.KEPT, madeAt, madeByName, now,
            how, reference, version);
    }

    Promise breakOff(Instant now, String why) {
        requireOpen();
        return new Promise(id, caseId, description, source, dueAt, ownerId, ownerName, Status.BROKEN, madeAt, madeByName, now,
            why, reference, version);
    }

    private void requireOpen() {
        if (status != Status.OPEN) {
            throw new Conflict("This promise is already " + status.name().toLowerCase(java.util.Locale.ROOT) + ".");
        }
    }
}
