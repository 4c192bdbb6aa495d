package org.redress.cases;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A resolution agreed with the customer: what we will deliver and by when. When it was
 * reached elsewhere (a remedy the customer accepted), {@code reference} names that record
 * (e.g. {@code remedy:12}), {@code ownerId} who answers for delivering it when nobody holds
 * the case, and {@code how} how it was concluded, for the timeline.
 */
public record Agreement(String resolution, LocalDate deliverBy, @Nullable String reference, @Nullable Long ownerId,
                        @Nullable String how) {
}
