package org.redress.identity;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/** An API token as its owner sees it later: never the secret itself. */
@Schema(description = "An API token. The secret is only returned once, when the token is created.")
record TokenView(
    @Schema(description = "Identifier of the token.") long id,
    @Schema(description = "What the token is for.", example = "Order system") String name,
    @Schema(description = "The first characters of the secret, to recognise it.", example = "rdt_Xk3…") String hint,
    @Schema(description = "When it was created.") Instant createdAt,
    @Schema(description = "When it was last used (updated at most once a minute).") @Nullable Instant lastUsedAt,
    @Schema(description = "When it was revoked; null while it works.") @Nullable Instant revokedAt) {
}
