package org.redress.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.redress.MovableClock;
import org.springframework.http.HttpStatus;

/** A case link opens its own case until it expires, in exactly one spelling, and nothing else does. */
class SignedCaseTokensTests {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private final MovableClock clock = new MovableClock();
    private final SignedCaseTokens tokens = new SignedCaseTokens(new SigningKey(key(1)), Duration.ofDays(30), clock);

    @Test
    void aLinkOpensItsOwnCase() {
        String token = tokens.tokenFor(42, clock.instant());

        assertThat(tokens.caseOf(token)).isEqualTo(42);
    }

    @Test
    void theSameMomentOfIssueAlwaysGivesTheSameLink() {
        Instant issued = clock.instant();

        assertThat(tokens.tokenFor(42, issued)).isEqualTo(tokens.tokenFor(42, issued.plusMillis(1)))
            .isNotEqualTo(tokens.tokenFor(43, issued));
    }

    @Test
    void aLinkPastItsValidityHasExpired() {
        String token = tokens.tokenFor(42, clock.instant());

        clock.advance(Duration.ofDays(30).plusSeconds(2));

        assertThat(refusal(token)).isEqualTo(HttpStatus.GONE);
    }

    @Test
    void aTamperedLinkOpensNothing() {
        String token = tokens.tokenFor(42, clock.instant());
        String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))), StandardCharsets.US_ASCII);
        String otherCase = Base64.getUrlEncoder().withoutPadding().encodeToString(
            payload.replaceFirst("^42\\.", "43.").getBytes(StandardCharsets.US_ASCII));

        assertThat(refusal(otherCase + token.substring(token.indexOf('.')))).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(refusal(flipLast(token, 32))).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(refusal(token.substring(0, token.length() - 1))).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void anExpiredLinkAlteredToLastLongerOpensNothing() {
        String token = tokens.tokenFor(42, clock.instant().minus(Duration.ofDays(31)));
        String later = Base64.getUrlEncoder().withoutPadding().encodeToString(
            ("42." + clock.instant().plus(Duration.ofDays(1)).getEpochSecond()).getBytes(StandardCharsets.US_ASCII));

        assertThat(refusal(later + token.substring(token.indexOf('.')))).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aLinkSignedWithAnotherKeyOpensNothing() {
        String foreign = new SignedCaseTokens(new SigningKey(key(2)), Duration.ofDays(30), clock).tokenFor(42, clock.instant());

        assertThat(refusal(foreign)).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aLinkRespelledWithPaddingOrUnusedBitsOpensNothing() {
        String token = tokens.tokenFor(42, clock.instant());
        String payload = token.substring(0, token.indexOf('.'));
        String signature = token.substring(token.indexOf('.') + 1);

        // 32 signature bytes leave 2 unused bits in the last of 43 characters: flipping them decodes to the same bytes.
        assertThat(refusal(payload + "." + flipLast(signature, 1))).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(refusal(token + "=")).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(refusal(payload + "==." + signature)).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aLinkOfAnotherKindOpensNoCase() {
        assertThat(refusal(RandomToken.SURVEY.mint())).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(refusal(RandomToken.INCIDENT.mint())).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(refusal("")).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(refusal(".")).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private HttpStatus refusal(String token) {
        try {
            tokens.caseOf(token);
        } catch (BadLink bad) {
            return bad.status();
        }
        throw new AssertionError(token + " opened a case");
    }

    private static String flipLast(String text, int bits) {
        char last = text.charAt(text.length() - 1);
        return text.substring(0, text.length() - 1) + ALPHABET.charAt(ALPHABET.indexOf(last) ^ bits);
    }

    private static byte[] key(int seed) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) seed);
        return key;
    }
}
