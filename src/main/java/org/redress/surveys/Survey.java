package org.redress.surveys;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.redress.signals.EventType;

import io.swagger.v3.oas.annotations.media.Schema;

/** A survey and the rule that sends it. */
@Schema(name = "Survey", description = "A survey: its question, and when and to whom it is sent.")
record Survey(
    @Schema(description = "Identifier.") long id,
    @Schema(description = "Name, unique.", example = "After delivery") String name,
    @Schema(description = "CSAT (1-5), NPS (0-10) or TEXT (words only).") SurveyKind kind,
    @Schema(description = "The question.", example = "How satisfied are you with your delivery?") String question,
    @Schema(description = "The invitation to say more, under the score.") @Nullable String commentPrompt,
    @Schema(description = "AFTER_EVENTS (sent after the trigger events) or RECOVERY (sent at a recovered case's follow-up).") SurveyPurpose purpose,
    @Schema(description = "The business events that invite a customer (AFTER_EVENTS).") List<EventType> triggerEvents,
    @Schema(description = "Share of trigger events that invite, 0-100.") int samplePercent,
    @Schema(description = "Days after any invitation during which a customer is not invited again.") int quietDays,
    @Schema(description = "A score at or below this opens a recovery case; none: only a negative comment does.") @Nullable Integer caseThreshold,
    @Schema(description = "Category of the cases it opens.", example = "delivery") String category,
    @Schema(description = "Language of the invitation template.", example = "en") String language,
    @Schema(description = "Whether it is sent.") boolean active,
    @Schema(description = "When it was created.") Instant createdAt) {

    boolean isLow(@Nullable Integer score) {
        return score != null && caseThreshold != null && score <= caseThreshold;
    }
}
