package org.redress.identity;

import java.time.Clock;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.redress.audit.AuditTrail;
import org.redress.shared.Actor;
import org.redress.shared.Conflict;
import org.redress.shared.Forbidden;
import org.redress.shared.Secrets;
import org.redress.shared.NotFound;
import org.redress.shared.Text;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues, lists and revokes API tokens ({@link TokenSignIn} checks them). A token is 32
 * random bytes, so a plain SHA-256 of it is safe to store and fast to check on every
 * request (a slow password hash is only needed for secrets a person chose).
 */
@Service
@Transactional
class TokenService {

    static final String PREFIX = "rdt_";

    private final ApiTokens tokens;
    private final Users users;
    private final AuditTrail audit;
    private final Clock clock;

    TokenService(ApiTokens tokens, Users users, AuditTrail audit, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new token and its secret, which is never shown again. */
    record IssuedToken(TokenView token, String secret) {}

    IssuedToken issue(RedressUser owner, String name) {
        if (!owner.role().person()) {
            throw new Forbidden("An integration cannot create tokens; an admin issues them for it.");
        }
        return issue(owner.actor(), owner.id(), name, null);
    }

    /**
     * A token for an integration, issued by an admin: an integration has no password with
     * which to create its own. People create their own tokens, so an admin never holds a
     * token that acts as someone else.
     */
    IssuedToken issueForIntegration(RedressUser admin, long integrationId, String name) {
        requireAdmin(admin);
        User integration = users.findById(integrationId).filter(User::active)
            .orElseThrow(() -> new NotFound("There is no active user with id " + integrationId + "."));
        if (integration.role().person()) {
            throw new Forbidden("Admins issue tokens only for integrations; " + integration.name()
                + " is a person and creates their own tokens under Account.");
        }
        return issue(admin.actor(), integration.id(), name, integration.email());
    }

    @Transactional(readOnly = true)
    List<TokenView> tokensOfIntegration(RedressUser admin, long integrationId) {
        requireAdmin(admin);
        return tokens.findByUserIdOrderByIdDesc(integrationId).stream().map(ApiToken::view).toList();
    }

    private IssuedToken issue(Actor by, long ownerId, String name, @Nullable String forIntegration) {
        String tokenName = Text.required("name", name, 100).trim();
        String secret = PREFIX + Secrets.randomToken(32);
        ApiToken token = tokens.save(new ApiToken(null, ownerId, tokenName, sha256(secret),
            secret.substring(0, PREFIX.length() + 4), clock.instant(), null, null));
        audit.record(by, "token.created", "token:" + token.id(),
            forIntegration == null ? tokenName : tokenName + " for the integration " + forIntegration);
        return new IssuedToken(token.view(), secret);
    }

    private static void requireAdmin(RedressUser by) {
        if (by.role() != Role.ADMIN) {
            throw new Forbidden("Only admins issue and list the tokens of integrations.");
        }
    }

    TokenView revoke(RedressUser owner, long tokenId) {
        ApiToken token = tokens.findById(tokenId)
            .filter(t -> t.userId() == owner.id() || owner.role() == Role.ADMIN)
            .orElseThrow(() -> new NotFound("There is no token with id " + tokenId + "."));
        if (token.revoked()) {
            throw new Conflict("This token was already revoked.");
        }
        // Saved through the repository, so every node forgets the token as this commits (IdentityChanges).
        ApiToken revoked = tokens.save(token.revoke(clock.instant()));
        audit.record(owner.actor(), "token.revoked", "token:" + tokenId, token.name());
        return revoked.view();
    }

    @Transactional(readOnly = true)
    List<TokenView> tokensOf(RedressUser owner) {
        return tokens.findByUserIdOrderByIdDesc(owner.id()).stream().map(ApiToken::view).toList();
    }

    static String sha256(String value) {
        return Secrets.sha256Hex(value);
    }
}
