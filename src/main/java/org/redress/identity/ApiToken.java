package org.redress.identity;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A long random secret a user creates for scripts and integrations. Only its SHA-256
 * hash is stored: the secret is shown once, at creation. Revoking is permanent.
 */
@Table("api_tokens")
record ApiToken(@Id @Nullable Long id, long userId, String name, String tokenHash, String tokenPrefix,
                Instant createdAt, @Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {

    ApiToken revoke(Instant now) {
        return new ApiToken(id, userId, name, tokenHash, tokenPrefix, createdAt, lastUsedAt, now);
    }

    boolean revoked() {
        return revokedAt != null;
    }

    TokenView view() {
        return new TokenView(id == null ? 0 : id, name, tokenPrefix + "…", createdAt, lastUsedAt, revokedAt);
    }
}
