package org.redress.surveys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A survey link's secret: 24 random bytes, shown once in the invitation; only its SHA-256
 * is stored, so the table alone opens no survey. Random rather than signed because each
 * invitation is a row anyway, and a random secret needs no key to keep.
 */
final class SurveyTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SurveyTokens() {
    }

    static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the event is in the survey's sample: the same answer for the same event, on any node, every time. */
    static boolean sampled(String eventId, long surveyId, int samplePercent) {
        if (samplePercent >= 100) {
            return true;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((surveyId + ":" + eventId).getBytes(StandardCharsets.UTF_8));
            int bucket = Math.floorMod(((digest[0] & 0xff) << 8) | (digest[1] & 0xff), 100);
            return bucket < samplePercent;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
