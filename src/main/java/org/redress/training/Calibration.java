package org.redress.training;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "A calibration session: several reviewers score the same case, blind, and see how far they disagree.")
public record Calibration(
    @Schema(description = "Session id.") long id,
    @Schema(description = "The case scored (id).") long caseId,
    @Schema(description = "The case's number.") String caseNumber,
    @Schema(description = "The scorecard version every reviewer scores on.") int scorecardVersion,
    @Schema(description = "Who opened the session.") String openedBy,
    @Schema(description = "When.") Instant openedAt,
    @Schema(description = "What the session is for.") @Nullable String note,
    @Schema(description = "Who has scored so far.") List<String> scoredBy,
    @Schema(description = "Whether you have scored.") boolean youScored,
    @Schema(description = "The scores, once yours is in (or for the one who opened the session); empty before.") List<QualityReview> reviews,
    @Schema(description = "How far the scores disagree, from two scores on; null before, or while hidden from you.") @Nullable Disagreement disagreement) {}
