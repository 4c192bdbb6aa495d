package org.redress.remedies;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import io.swagger.v3.oas.annotations.media.Schema;

/** A kind of remedy in the catalog, e.g. a refund or a goodwill gift. */
@Table("remedy_types")
@Schema(name = "RemedyType", description = "A remedy in the catalog.")
public record RemedyType(
    @Schema(description = "Code, lower case.", example = "refund") @Id String code,
    @Schema(description = "Name.", example = "Refund") String label,
    @Schema(description = "What it is: DISCOUNT_PERCENT, DISCOUNT_AMOUNT, REFUND, ACCOUNT_CREDIT, REPLACEMENT, COMPLIMENTARY_SERVICE or GOODWILL.") Kind kind,
    @Schema(description = "False when no longer offered.") boolean active,
    @Schema(description = "When it was added.") Instant createdAt,
    @Schema(hidden = true) @Version int version) {

    public enum Kind { DISCOUNT_PERCENT, DISCOUNT_AMOUNT, REFUND, ACCOUNT_CREDIT, REPLACEMENT, COMPLIMENTARY_SERVICE, GOODWILL }
}
