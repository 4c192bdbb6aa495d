package org.redress.cases;

import java.time.Instant;

/**
 * The follow-up found the customer not satisfied: the agreed resolution no longer stands,
 * and a new one is to be agreed (its time target starts again).
 */
public record ResolutionReopened(long caseId, Instant reopenedAt) {
}
