package org.redress.incidents;

import org.redress.shared.Secrets;

/**
 * The secret in a customer's incident link: 32 random bytes, base64url. Only its SHA-256
 * is stored, so a copy of the database opens no customer's page; a lost link cannot be
 * shown again, only replaced (which nothing needs today).
 */
final class LinkTokens {

    private LinkTokens() {
    }

    static String mint() {
        return Secrets.randomToken(32);
    }

    static byte[] hash(String token) {
        return Secrets.sha256(token);
    }

    /** Whether the text can be a token at all; anything else is refused without a look-up. */
    static boolean wellFormed(String token) {
        return token.length() == 43 && token.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_');
    }
}
