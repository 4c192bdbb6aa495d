package org.redress.training;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "A review of one agent's work on one case, on a scorecard version.")
public record QualityReview(
    @Schema(description = "Review id.") long id,
    @Schema(description = "The case reviewed (id).") long caseId,
    @Schema(description = "The case's number.", example = "RC-000123") String caseNumber,
    @Schema(description = "Whose work was reviewed (user id).") long agentId,
    @Schema(description = "Their name.") String agentName,
    @Schema(description = "Who reviewed it (user id).") long reviewerId,
    @Schema(description = "Their name.") String reviewerName,
    @Schema(description = "The scorecard version it was scored on.") int scorecardVersion,
    @Schema(description = "The calibration session it was scored in; null for a review the agent receives.") @Nullable Long calibrationId,
    @Schema(description = "Score in percent: the weighted share of the applicable items earned; null when none applied.") @Nullable Double score,
    @Schema(description = "The reviewer's comment to the agent.") @Nullable String comment,
    @Schema(description = "SUBMITTED (waiting for the agent), ACKNOWLEDGED, DISPUTED, or CALIBRATION (scored in a session; not sent to the agent).") State state,
    @Schema(description = "When it was submitted.") Instant submittedAt,
    @Schema(description = "Until when the agent may acknowledge or dispute it; null in calibration.") @Nullable Instant answerBy,
    @Schema(description = "When the agent answered.") @Nullable Instant answeredAt,
    @Schema(description = "What the agent said: a note with the acknowledgement, or why they dispute it.") @Nullable String answer,
    @Schema(description = "The items as rated, in the scorecard's order.") List<ItemRating> ratings) {

    public enum State { SUBMITTED, ACKNOWLEDGED, DISPUTED, CALIBRATION }

    @Schema(description = "One scorecard item as rated.")
    public record ItemRating(@Schema(description = "Item code.") String code,
                             @Schema(description = "Item name.") String label,
                             @Schema(description = "Its weight.") int weight,
                             @Schema(description = "MET, PARTLY, MISSED or NOT_APPLICABLE.") Rating rating,
                             @Schema(description = "What the case's record suggested, if anything.") @Nullable Rating suggested,
                             @Schema(description = "The reviewer's note on the item.") @Nullable String note) {}
}
