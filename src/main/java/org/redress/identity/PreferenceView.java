package org.redress.identity;

import io.swagger.v3.oas.annotations.media.Schema;

/** A preference as the signed-in person sees it: what it is and whether it is on for them. */
@Schema(name = "Preference", description = "A switch of your own, e.g. whether you receive the weekly insights digest.")
record PreferenceView(
    @Schema(description = "Its name, for `PUT /api/v1/me/preferences/{key}`.", example = "weekly-digest") String key,
    @Schema(description = "What it is.", example = "Weekly insights digest") String label,
    @Schema(description = "What being on means.") String description,
    @Schema(description = "Whether it is on for you.") boolean on) {
}
