package org.redress.cases;

import java.time.Instant;

/** A complaint opened a new recovery case. */
public record CaseOpened(long caseId, long customerId, Channel channel, String category, int severity, Instant openedAt) {
}
