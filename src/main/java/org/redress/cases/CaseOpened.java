package org.redress.cases;

import java.time.Instant;

/** A complaint opened a new recovery case; carries what timing and routing need to know about it. */
public record CaseOpened(long caseId, long customerId, String customerTier, Channel channel, String category, int severity,
                         Instant openedAt) {
}
