package org.redress.cases;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A resolution was agreed with the customer: what we will deliver and by when, which is a
 * promise. {@code refinement} says it refines the agreement already standing (recorded
 * again before delivery): the same promise, refined, and nothing new to confirm to the
 * customer. {@code ownerId} answers for it when nobody holds the case; {@code reference}
 * names the record it was agreed through, if any (e.g. {@code remedy:12}).
 */
public record ResolutionAgreed(long caseId, String resolution, LocalDate promisedBy, @Nullable Long agreedById,
                               String agreedByName, @Nullable Long assigneeId, @Nullable Long ownerId, Instant agreedAt,
                               boolean refinement, @Nullable String reference) {
}
