package org.redress.cases;

import java.time.Instant;

/** A case was closed with an outcome. */
public record CaseClosed(long caseId, long customerId, Outcome outcome, Instant closedAt) {
}
