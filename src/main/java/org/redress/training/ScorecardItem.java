package org.redress.training;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "One thing a good recovery does, as a reviewer scores it.")
public record ScorecardItem(
    @Schema(description = "Stable code of the item.", example = "APOLOGIZED") String code,
    @Schema(description = "What is scored.", example = "Apologized sincerely") String label,
    @Schema(description = "What the reviewer looks for.") String guidance,
    @Schema(description = "Its weight in the score, 1–10.", example = "2") int weight) {}
