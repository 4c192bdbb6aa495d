package org.redress.cases;

import java.time.Instant;

/** A closed case was reopened: the customer's problem is not over. */
public record CaseReopened(long caseId, long customerId, Instant reopenedAt) {
}
