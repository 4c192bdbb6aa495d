package org.redress.links;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.redress.shared.Secrets;

/** Survey and incident secrets: each kind in its one spelling, hashed the way its table has always stored it. */
class RandomTokenTests {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    @Test
    void aMintedTokenIsWellFormedForItsOwnKindOnly() {
        String survey = RandomToken.SURVEY.mint();
        String incident = RandomToken.INCIDENT.mint();

        assertThat(survey).hasSize(32);
        assertThat(incident).hasSize(43);
        assertThat(RandomToken.SURVEY.wellFormed(survey)).isTrue();
        assertThat(RandomToken.INCIDENT.wellFormed(incident)).isTrue();
        assertThat(RandomToken.SURVEY.wellFormed(incident)).isFalse();
        assertThat(RandomToken.INCIDENT.wellFormed(survey)).isFalse();
    }

    @Test
    void aCaseLinkIsNoSurveyOrIncidentToken() {
        String caseToken = "NDIuMTc5OTk5OTk5OQ.abcdefghijklmnopqrstuvwxyz0123456789-_ABCDE";

        assertThat(RandomToken.SURVEY.wellFormed(caseToken)).isFalse();
        assertThat(RandomToken.INCIDENT.wellFormed(caseToken)).isFalse();
    }

    @Test
    void aRespelledOrAlteredTokenIsNotWellFormed() {
        String incident = RandomToken.INCIDENT.mint();
        String survey = RandomToken.SURVEY.mint();
        char last = incident.charAt(incident.length() - 1);
        // 32 bytes leave 2 unused bits in the last of 43 characters: setting one decodes to the same bytes.
        String sameBytes = incident.substring(0, 42) + ALPHABET.charAt(ALPHABET.indexOf(last) ^ 1);

        assertThat(RandomToken.INCIDENT.wellFormed(sameBytes)).isFalse();
        assertThat(RandomToken.INCIDENT.wellFormed(incident + "=")).isFalse();
        assertThat(RandomToken.SURVEY.wellFormed(survey.substring(0, 31) + "=")).isFalse();
        assertThat(RandomToken.SURVEY.wellFormed(survey.substring(0, 31) + "+")).isFalse();
        assertThat(RandomToken.SURVEY.wellFormed(survey.substring(0, 31) + "é")).isFalse();
        assertThat(RandomToken.SURVEY.wellFormed("")).isFalse();
    }

    @Test
    void surveysStoreTheHexHashAndIncidentsTheRawOne() {
        String token = "an-example-token";

        assertThat(RandomToken.SURVEY.hashHex(token)).isEqualTo(Secrets.sha256Hex(token)).hasSize(64);
        assertThat(RandomToken.INCIDENT.hash(token)).isEqualTo(Secrets.sha256(token)).hasSize(32);
    }
}
