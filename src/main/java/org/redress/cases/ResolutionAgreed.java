package org.redress.cases;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** A resolution was agreed with the customer: what we will deliver and by when, which is a promise. */
public record ResolutionAgreed(long caseId, String resolution, LocalDate promisedBy, @Nullable Long agreedById,
                               String agreedByName, @Nullable Long assigneeId, Instant agreedAt) {
}
