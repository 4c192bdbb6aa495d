package org.redress.cases;

import java.time.Instant;

/** A case was re-rated; its time targets may change with it. */
public record SeverityChanged(long caseId, long customerId, Channel channel, int from, int to, Instant changedAt) {
}
