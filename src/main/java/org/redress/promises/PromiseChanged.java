package org.redress.promises;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A promise was made, kept or broken (its status says which). Published in the
 * transaction that records it, once.
 */
public record PromiseChanged(long promiseId, long caseId, String description, Promise.Source source,
                             Promise.Status status, Instant dueAt, @Nullable Long ownerId, String ownerName) {

    static PromiseChanged of(Promise promise) {
        return new PromiseChanged(promise.id() == null ? 0 : promise.id(), promise.caseId(), promise.description(),
            promise.source(), promise.status(), promise.dueAt(), promise.ownerId(), promise.ownerName());
    }
}
