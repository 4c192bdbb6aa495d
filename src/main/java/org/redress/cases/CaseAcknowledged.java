package org.redress.cases;

import java.time.Instant;

/** The customer received a first answer. Speed to this point is what SLA policies time. */
public record CaseAcknowledged(long caseId, Instant acknowledgedAt) {
}
