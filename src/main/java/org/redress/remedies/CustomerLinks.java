package org.redress.remedies;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Component;

/**
 * Signed links to the customer page: the case id and an expiry time, signed with
 * HMAC-SHA256 under a key kept in the database (the same on every node, made on first
 * use). A link opens only its own case, until it expires; any change to it breaks the
 * signature. No account is needed, so the link is the customer's credential: it is only
 * ever sent to the customer.
 */
@Component
class CustomerLinks {

    private static final String KEY_NAME = "customer-links";
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private final JdbcClient jdbc;
    private final RemedySettings settings;
    private final Clock clock;
    private final @Nullable TransactionTemplate ownTransaction;
    private volatile byte @Nullable [] key;

    @Autowired
    CustomerLinks(JdbcClient jdbc, RemedySettings settings, Clock clock, PlatformTransactionManager transactions) {
        this(jdbc, settings, clock, ownTransaction(transactions));
    }

    CustomerLinks(JdbcClient jdbc, RemedySettings settings, Clock clock, @Nullable TransactionTemplate ownTransaction) {
        this.ownTransaction = ownTransaction;
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /** A token for the case, valid for the configured time from now. */
    String tokenFor(long caseId) {
        return tokenFor(caseId, clock.instant());
    }

    /**
     * The token for the case issued at this moment (e.g. an offer's), valid for the configured
     * time from then: the same moment always gives the same link.
     */
    String tokenFor(long caseId, Instant issuedAt) {
        String payload = caseId + "." + validUntil(issuedAt).getEpochSecond();
        return ENCODE.encodeToString(payload.getBytes(StandardCharsets.US_ASCII)) + "." + ENCODE.encodeToString(sign(payload));
    }

    /** Until when a link issued at this moment opens its case. */
    Instant validUntil(Instant issuedAt) {
        return issuedAt.plus(settings.linkValidity());
    }

    /** The case the token opens, if it is genuine and not expired. */
    Optional<Long> caseOf(String token) {
        try {
            int dot = token.indexOf('.');
            if (dot < 1 || token.length() > 200) {
                return Optional.empty();
            }
            byte[] payloadBytes = DECODE.decode(token.substring(0, dot));
            byte[] signature = DECODE.decode(token.substring(dot + 1));
            // One valid spelling: the decoder forgives padding and unused low bits, a link must not.
            if (!(ENCODE.encodeToString(payloadBytes) + "." + ENCODE.encodeToString(signature)).equals(token)) {
                return Optional.empty();
            }
            String payload = new String(payloadBytes, StandardCharsets.US_ASCII);
            if (!MessageDigest.isEqual(signature, sign(payload))) {
                return Optional.empty();
            }
            String[] parts = payload.split("\\.");
            if (parts.length != 2 || Instant.ofEpochSecond(Long.parseLong(parts[1])).isBefore(clock.instant())) {
                return Optional.empty();
            }
            return Optional.of(Long.parseLong(parts[0]));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private byte[] sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private byte[] key() {
        byte[] known = key;
        if (known == null) {
            // Its own read-write transaction: the first check may come from a read-only one.
            known = ownTransaction == null ? loadOrCreateKey() : ownTransaction.execute(status -> loadOrCreateKey());
            key = known;
        }
        return known;
    }

    // The first node to get here stores its key; every node then uses the stored one.
    private byte[] loadOrCreateKey() {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        jdbc.sql("insert into signing_keys (name, secret, created_at) values (?, ?, ?) on conflict do nothing")
            .params(KEY_NAME, Base64.getEncoder().encodeToString(fresh), Timestamp.from(clock.instant())).update();
        return Base64.getDecoder().decode(jdbc.sql("select secret from signing_keys where name = ?")
            .param(KEY_NAME).query(String.class).single());
    }

    private static TransactionTemplate ownTransaction(PlatformTransactionManager transactions) {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return template;
    }
}
