package org.redress.remedies;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A remedy on a case changed state: {@code state} is its new one (e.g. OFFERED, ACCEPTED).
 * {@code terms} says what it is, with its amount, for people.
 */
public record RemedyChanged(long remedyId, long caseId, String state, String terms, @Nullable LocalDate deliverBy,
                            @Nullable Long ownerId) {
}
