package org.redress.identity;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/** A user as other modules and the API see them: never with their password. */
@Schema(description = "A user of Redress.")
public record UserSummary(
    @Schema(description = "Identifier of the user.", example = "3") long id,
    @Schema(description = "Email address; also the sign-in name.", example = "ana@example.com") String email,
    @Schema(description = "Display name.", example = "Ana Costa") String name,
    @Schema(description = "Role: AGENT, LEAD, MANAGER, ADMIN or INTEGRATION (a business system, not a person).") Role role,
    @Schema(description = "The team the user belongs to, if any.") @Nullable Long teamId,
    @Schema(description = "False when deactivated: the user cannot sign in.") boolean active) {
}
