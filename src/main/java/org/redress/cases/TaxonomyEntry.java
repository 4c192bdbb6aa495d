package org.redress.cases;

import io.swagger.v3.oas.annotations.media.Schema;

/** A complaint category or a root cause, from the configurable taxonomy. */
@Schema(description = "An entry of the taxonomy: a complaint category or a root cause.")
record TaxonomyEntry(
    @Schema(description = "`category` or `root-cause`.", example = "category") String kind,
    @Schema(description = "Stable code used in the API.", example = "delivery") String code,
    @Schema(description = "Label shown to people.", example = "Delivery late, lost or damaged") String label,
    @Schema(description = "Inactive entries stay on old cases but cannot be chosen for new ones.") boolean active,
    @Schema(description = "Order in lists.") int position) {
}
