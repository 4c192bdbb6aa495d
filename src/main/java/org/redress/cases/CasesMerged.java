package org.redress.cases;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A case closed as a duplicate was merged into the case it repeats (of the same customer).
 * Published in the closing transaction: each module moves its own rows of the merged case
 * (what it still has to do for the customer) onto the surviving case before the commit, so
 * that the merge is whole or not at all (ADR 10). A module may refuse by throwing, which
 * undoes the merge. {@code customerLastWroteAt} is the newest of the customer's own messages
 * on the merged case (null when it has none): a surviving case waiting on the customer has
 * its answer when that is newer than the wait.
 */
public record CasesMerged(long fromCaseId, long intoCaseId, long customerId, Instant mergedAt,
                          @Nullable Instant customerLastWroteAt) {
}
