package org.redress.identity;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.redress.shared.Forbidden;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "API tokens", description = "Bearer tokens of the signed-in user.")
class TokenApiController {

    private final TokenService tokens;

    TokenApiController(TokenService tokens) {
        this.tokens = tokens;
    }

    @GetMapping
    @Operation(summary = "My tokens", description = "Never includes the secrets.")
    List<TokenView> list(@AuthenticationPrincipal RedressUser user) {
        return tokens.tokensOf(user);
    }

    @Schema(description = "A new token.")
    record NewTokenRequest(@Schema(description = "What it is for.", example = "Order system",
        requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String name) {}

    @Schema(description = "A new token with its secret. Store the secret now: it is never shown again.")
    record NewTokenResponse(@Schema(description = "The token.") TokenView token,
                            @Schema(description = "The secret to send as `Authorization: Bearer <secret>`.") String secret) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a token", description = "Needs a password sign-in (HTTP Basic); a token cannot create tokens.")
    @ApiResponse(responseCode = "201", description = "Created; the response holds the secret, once.")
    NewTokenResponse create(@RequestBody NewTokenRequest body, @AuthenticationPrincipal RedressUser user,
                            Authentication authentication) {
        // Otherwise a leaked token could mint its successor and outlive its own revocation.
        if (authentication instanceof TokenAuthentication) {
            throw new Forbidden("Create tokens while signed in with your password (console or HTTP Basic), not with a token.");
        }
        TokenService.IssuedToken issued = tokens.issue(user, body.name() == null ? "" : body.name());
        return new NewTokenResponse(issued.token(), issued.secret());
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke a token", description = "Permanent: the token stops working at once. Admins may revoke anyone's.")
    @ApiResponse(responseCode = "404", description = "No such token of yours.")
    TokenView revoke(@Parameter(description = "Token id.") @PathVariable long id, @AuthenticationPrincipal RedressUser user) {
        return tokens.revoke(user, id);
    }
}
