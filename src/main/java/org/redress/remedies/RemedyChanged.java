package org.redress.remedies;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A remedy on a case changed state: {@code state} is its new one (e.g. OFFERED, ACCEPTED),
 * {@code previousState} the one before (null for a new remedy). {@code terms} says what it
 * is, with its amount, for people. {@code awaitingCustomer} says whether any offer on the
 * case still waits for the customer's answer after this change.
 */
public record RemedyChanged(long remedyId, long caseId, String state, @Nullable String previousState, String terms,
                            @Nullable LocalDate deliverBy, @Nullable Long ownerId, boolean awaitingCustomer) {
}
