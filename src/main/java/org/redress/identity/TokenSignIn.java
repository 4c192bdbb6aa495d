package org.redress.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.redress.identity.SignedInCache.KnownToken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who is behind a bearer token, on every API request. Found tokens are kept in
 * {@link SignedInCache}, so a request that finds its token there does not touch the
 * database for it; a revoked token or a deactivated user is refused at once all the same.
 */
@Component
class TokenSignIn {

    private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

    private final SignedInCache cache;
    private final JdbcClient jdbc;
    private final Clock clock;

    TokenSignIn(SignedInCache cache, JdbcClient jdbc, Clock clock) {
        this.cache = cache;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The active user behind a secret, if the token exists, is not revoked and its user is active. */
    Optional<RedressUser> authenticate(String secret) {
        if (!secret.startsWith(TokenService.PREFIX)) {
            return Optional.empty();
        }
        String hash = TokenService.sha256(secret);
        Optional<KnownToken> token = cache.token(hash, () -> find(hash));
        token.ifPresent(this::touch);
        return token.map(KnownToken::user);
    }

    private Optional<KnownToken> find(String hash) {
        return jdbc.sql("""
                select t.id as token_id, t.last_used_at, u.id, u.email, u.name, u.role, u.team_id
                from api_tokens t join users u on u.id = t.user_id
                where t.token_hash = ? and t.revoked_at is null and u.active""")
            .param(hash)
            .query((rs, n) -> {
                Timestamp lastUsed = rs.getTimestamp("last_used_at");
                return new KnownToken(rs.getLong("token_id"),
                    new RedressUser(rs.getLong("id"), rs.getString("email"), rs.getString("name"),
                        Role.valueOf(rs.getString("role")), rs.getObject("team_id", Long.class), true, null),
                    new AtomicReference<>(lastUsed == null ? Instant.EPOCH : lastUsed.toInstant()));
            })
            .optional();
    }

    // Recording every use would turn each API read into a write; once a minute (per node) is
    // enough for "last used" to tell an admin whether a token is still in use. Not a change
    // anyone needs to hear of: the cache keeps the token.
    private void touch(KnownToken token) {
        Instant now = clock.instant();
        Instant last = token.lastUsedAt().get();
        if (Duration.between(last, now).compareTo(LAST_USED_GRANULARITY) > 0 && token.lastUsedAt().compareAndSet(last, now)) {
            jdbc.sql("update api_tokens set last_used_at = ? where id = ?")
                .params(Timestamp.from(now), token.tokenId()).update();
        }
    }
}
