package org.redress.identity;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.redress.shared.Forbidden;
import org.redress.shared.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Users and teams", description = "Who works in Redress. Changes are for admins only.")
class UserApiController {

    private final UserManagement users;
    private final TokenService tokens;
    private final Preferences preferences;

    UserApiController(UserManagement users, TokenService tokens, Preferences preferences) {
        this.users = users;
        this.tokens = tokens;
        this.preferences = preferences;
    }

    @GetMapping("/api/v1/me")
    @Operation(summary = "The signed-in user")
    UserSummary me(@AuthenticationPrincipal RedressUser user) {
        return users.user(user.id()).orElseThrow();
    }

    @Schema(description = "A password change.")
    record PasswordChangeRequest(
        @Schema(description = "The current password.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String current,
        @Schema(description = "The new password, at least 10 characters.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String replacement) {}

    @PostMapping("/api/v1/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Change my password", description = "Needs the current password.")
    @ApiResponse(responseCode = "204", description = "Changed.")
    void changePassword(@RequestBody PasswordChangeRequest body, @AuthenticationPrincipal RedressUser user) {
        users.changeOwnPassword(user, body.current(), body.replacement());
    }

    @GetMapping("/api/v1/me/preferences")
    @Operation(summary = "My preferences", description = "The switches that concern you, e.g. `weekly-digest` (leads, "
        + "managers and admins): whether you receive the weekly insights digest by email. On unless you switched it off.")
    List<PreferenceView> myPreferences(@AuthenticationPrincipal RedressUser user) {
        return preferences.of(user);
    }

    @Schema(description = "Switching one of your preferences on or off.")
    record PreferenceChange(
        @Schema(description = "True to switch it on, false to switch it off.", requiredMode = Schema.RequiredMode.REQUIRED)
        @Nullable Boolean on) {}

    @PutMapping("/api/v1/me/preferences/{key}")
    @Operation(summary = "Switch one of my preferences on or off", description = "E.g. `PUT /api/v1/me/preferences/weekly-digest` "
        + "with `{\"on\": false}` stops the weekly insights digest for you. Only your own; audited.")
    @ApiResponse(responseCode = "403", description = "This preference is not for your role (the weekly digest is for leads, "
        + "managers and admins).")
    @ApiResponse(responseCode = "404", description = "No preference of that name.")
    PreferenceView switchPreference(@Parameter(description = "The preference's key, e.g. `weekly-digest`.") @PathVariable String key,
                                    @RequestBody PreferenceChange body, @AuthenticationPrincipal RedressUser user) {
        return preferences.set(user, key, body.on());
    }

    @GetMapping("/api/v1/users")
    @Operation(summary = "List users", description = "Every user, by name. Any signed-in user may read it (to assign cases).")
    List<UserSummary> list() {
        return users.users();
    }

    @GetMapping("/api/v1/users/{id}")
    @Operation(summary = "Get a user")
    @ApiResponse(responseCode = "404", description = "No such user.")
    UserSummary get(@Parameter(description = "User id.") @PathVariable long id) {
        return users.user(id).orElseThrow(() -> new NotFound("There is no user with id " + id + "."));
    }

    @Schema(description = "A new user.")
    record NewUserRequest(
        @Schema(description = "Email; the sign-in name.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String email,
        @Schema(description = "Display name.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String name,
        @Schema(description = "Initial password, at least 10 characters; required for people, left out for an integration.") @Nullable String password,
        @Schema(description = "agent, lead, manager, admin, or integration (a business system that posts complaints, "
            + "business events and inbound messages with tokens an admin issues; it has no password and acts on no case).",
            requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String role,
        @Schema(description = "Team id (not for an integration).") @Nullable Long teamId) {}

    @PostMapping("/api/v1/users")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a user (admin)")
    @ApiResponse(responseCode = "201", description = "Created.")
    UserSummary create(@RequestBody NewUserRequest body, @AuthenticationPrincipal RedressUser admin) {
        return users.createUser(admin, new UserManagement.NewUser(body.email(), body.name(), body.password(), body.role(),
            body.teamId()));
    }

    @Schema(description = "Changes to a user; fields left out stay as they are.")
    record UserChangeRequest(
        @Schema(description = "New role: agent, lead, manager or admin (a person never becomes an integration, nor the other way).") @Nullable String role,
        @Schema(description = "False deactivates the user (they can no longer sign in, their tokens stop working); true reactivates.")
        @Nullable Boolean active,
        @Schema(description = "New team id; use `removeFromTeam` to clear it.") @Nullable Long teamId,
        @Schema(description = "True removes the user from their team.") @Nullable Boolean removeFromTeam) {}

    @PatchMapping("/api/v1/users/{id}")
    @Operation(summary = "Change a user (admin)", description = "Change role, team, or deactivate / reactivate, all at once: "
        + "if one change is refused, none is made. The last active admin cannot be demoted or deactivated.")
    @ApiResponse(responseCode = "404", description = "No such user.")
    UserSummary change(@Parameter(description = "User id.") @PathVariable long id, @RequestBody UserChangeRequest body, @AuthenticationPrincipal RedressUser admin) {
        return users.change(admin, id, new UserManagement.UserChange(body.role(), body.teamId(),
            Boolean.TRUE.equals(body.removeFromTeam()), body.active()));
    }

    @Schema(name = "IntegrationTokenRequest", description = "A token for an integration.")
    record IntegrationTokenRequest(@Schema(description = "What it is for.", example = "Order system, production",
        requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String name) {}

    @PostMapping("/api/v1/users/{id}/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue a token for an integration (admin)", description = "Integrations have no password, so an "
        + "admin issues their tokens. Only for users with the role integration (people create their own tokens), and only "
        + "while signed in with a password (console or HTTP Basic), never with a token.")
    @ApiResponse(responseCode = "201", description = "Created; the response holds the secret, once.")
    @ApiResponse(responseCode = "403", description = "Not an admin, signed in with a token, or the user is a person.")
    TokenApiController.NewTokenResponse issueToken(@Parameter(description = "The integration's user id.") @PathVariable long id,
            @RequestBody IntegrationTokenRequest body, @AuthenticationPrincipal RedressUser admin, Authentication authentication) {
        if (authentication instanceof TokenAuthentication) {
            throw new Forbidden("Issue tokens while signed in with your password (console or HTTP Basic), not with a token.");
        }
        TokenService.IssuedToken issued = tokens.issueForIntegration(admin, id, body.name() == null ? "" : body.name());
        return new TokenApiController.NewTokenResponse(issued.token(), issued.secret());
    }

    @GetMapping("/api/v1/users/{id}/tokens")
    @Operation(summary = "An integration's tokens (admin)", description = "Never includes the secrets. Revoke one with "
        + "`DELETE /api/v1/tokens/{id}`.")
    List<TokenView> integrationTokens(@Parameter(description = "The integration's user id.") @PathVariable long id,
                                      @AuthenticationPrincipal RedressUser admin) {
        return tokens.tokensOfIntegration(admin, id);
    }

    @GetMapping("/api/v1/teams")
    @Operation(summary = "List teams")
    List<Team> teams() {
        return users.teams();
    }

    @Schema(description = "A new team.")
    record NewTeamRequest(@Schema(description = "Name, unique.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String name) {}

    @PostMapping("/api/v1/teams")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a team (admin)")
    @ApiResponse(responseCode = "201", description = "Created.")
    Team createTeam(@RequestBody NewTeamRequest body, @AuthenticationPrincipal RedressUser admin) {
        return users.createTeam(admin, body.name() == null ? "" : body.name());
    }
}
