package org.redress.surveys;

import org.redress.shared.Secrets;

/**
 * A survey link's secret: 24 random bytes, shown once in the invitation; only its SHA-256
 * is stored, so the table alone opens no survey. Random rather than signed because each
 * invitation is a row anyway, and a random secret needs no key to keep.
 */
final class SurveyTokens {

    private SurveyTokens() {
    }

    static String newToken() {
        return Secrets.randomToken(24);
    }

    static String hash(String token) {
        return Secrets.sha256Hex(token);
    }

    /** Whether the event is in the survey's sample: the same answer for the same event, on any node, every time. */
    static boolean sampled(String eventId, long surveyId, int samplePercent) {
        if (samplePercent >= 100) {
            return true;
        }
        byte[] digest = Secrets.sha256(surveyId + ":" + eventId);
        int bucket = Math.floorMod(((digest[0] & 0xff) << 8) | (digest[1] & 0xff), 100);
        return bucket < samplePercent;
    }
}
