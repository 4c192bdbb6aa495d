package org.redress.cases;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A case was closed: with an outcome (recovered or not), or, without one, for a reason
 * (a duplicate, spam, not a complaint). Exactly one of the two is set.
 */
public record CaseClosed(long caseId, long customerId, @Nullable Outcome outcome, @Nullable CloseReason reason,
                         Instant closedAt) {
}
