package org.redress.training;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "A review ready to be scored: the current scorecard with the ratings the case's record suggests.")
public record ReviewDraft(
    @Schema(description = "The case (id).") long caseId,
    @Schema(description = "The case's number.") String caseNumber,
    @Schema(description = "The case's subject.") String subject,
    @Schema(description = "Whose work it would review by default: the person the case is assigned to, if any (user id).") @Nullable Long agentId,
    @Schema(description = "Their name.") @Nullable String agentName,
    @Schema(description = "The scorecard version.") int scorecardVersion,
    @Schema(description = "The items, each with its suggested rating and why.") List<Item> items,
    @Schema(description = "The score the suggestions give, in percent.") @Nullable Double suggestedScore) {

    @Schema(name = "DraftItem", description = "A scorecard item with the rating the case's record suggests.")
    public record Item(@Schema(description = "Item code.") String code,
                       @Schema(description = "Item name.") String label,
                       @Schema(description = "What the reviewer looks for.") String guidance,
                       @Schema(description = "Its weight.") int weight,
                       @Schema(description = "The suggested rating; null for an item Redress cannot judge from the record.") @Nullable Rating suggested,
                       @Schema(description = "What in the case suggests it.") @Nullable String why) {}
}
