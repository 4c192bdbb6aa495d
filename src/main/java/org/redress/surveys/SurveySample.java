package org.redress.surveys;

import org.redress.shared.Secrets;

/** Which business events a survey asks about, when it asks about a sample of them. */
final class SurveySample {

    private SurveySample() {
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
