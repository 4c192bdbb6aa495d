package org.redress.links;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The token of a case link: {@code base64url(caseId.expiry).base64url(HMAC-SHA256)}, no
 * padding. It carries everything needed to check it, so checking needs no look-up beyond the
 * key, and any change to it breaks the signature. The same case and moment of issue always
 * give the same token; the format is unchanged since the first release, so links already
 * sent keep working.
 */
@Component
class SignedCaseTokens {

    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();
    private static final int LONGEST = 200;

    private final SigningKey key;
    private final Duration validity;
    private final Clock clock;

    @Autowired
    SignedCaseTokens(SigningKey key, LinkSettings settings, Clock clock) {
        this(key, settings.validity(), clock);
    }

    SignedCaseTokens(SigningKey key, Duration validity, Clock clock) {
        this.key = key;
        this.validity = validity;
        this.clock = clock;
    }

    /** The token of the case's link issued at this moment. */
    String tokenFor(long caseId, Instant issuedAt) {
        String payload = caseId + "." + validUntil(issuedAt).getEpochSecond();
        return ENCODE.encodeToString(payload.getBytes(StandardCharsets.US_ASCII)) + "." + ENCODE.encodeToString(sign(payload));
    }

    /** Until when a link issued at this moment opens its case. */
    Instant validUntil(Instant issuedAt) {
        return issuedAt.plus(validity);
    }

    /** The case the token opens; a token that is not genuine, or has expired, is a {@link BadLink}. */
    long caseOf(String token) {
        int dot = token.indexOf('.');
        if (dot < 1 || token.length() > LONGEST) {
            throw BadLink.unknown();
        }
        try {
            byte[] payloadBytes = DECODE.decode(token.substring(0, dot));
            byte[] signature = DECODE.decode(token.substring(dot + 1));
            // One valid spelling: the decoder forgives padding and unused low bits, a link must not.
            if (!(ENCODE.encodeToString(payloadBytes) + "." + ENCODE.encodeToString(signature)).equals(token)) {
                throw BadLink.unknown();
            }
            String payload = new String(payloadBytes, StandardCharsets.US_ASCII);
            if (!MessageDigest.isEqual(signature, sign(payload))) {
                throw BadLink.unknown();
            }
            String[] parts = payload.split("\\.");
            if (parts.length != 2) {
                throw BadLink.unknown();
            }
            // Only a genuine link is said to have expired: the signature was checked first.
            if (Instant.ofEpochSecond(Long.parseLong(parts[1])).isBefore(clock.instant())) {
                throw BadLink.expired();
            }
            return Long.parseLong(parts[0]);
        } catch (IllegalArgumentException malformed) {
            throw BadLink.unknown();
        }
    }

    private byte[] sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.bytes(), "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
