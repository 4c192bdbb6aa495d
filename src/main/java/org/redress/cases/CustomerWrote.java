package org.redress.cases;

import java.time.Instant;

/** The customer of an open case wrote again; a case waiting on the customer has its answer. */
public record CustomerWrote(long caseId, Instant at) {
}
