package org.redress.surveys;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A customer answered a survey. Published in the transaction that records the answer.
 *
 * @param low the score is at or below the survey's threshold
 * @param negative the comment reads as clearly negative
 * @param recoveredCaseId the case whose recovery the survey measured, if it did
 */
public record SurveyAnswered(long surveyId, long invitationId, long customerId, SurveyKind kind, @Nullable Integer score,
                             @Nullable String comment, boolean low, boolean negative, @Nullable Long recoveredCaseId,
                             Instant answeredAt) {}
