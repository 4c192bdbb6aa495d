package org.redress.links;

import java.util.Base64;

import org.redress.shared.Secrets;

/**
 * The secret in a survey or incident link: random bytes, base64url without padding, shown
 * once in the customer's message. The owning module stores only its SHA-256, so a copy of
 * the database opens no customer's page, and looks a token up only once it is
 * {@link #wellFormed}. Random rather than signed because each such link is a row anyway, and
 * a random secret needs no key to keep. Each kind keeps the length and the stored form of
 * hash it has always had, so links already sent keep working.
 */
public enum RandomToken {

    /** A survey invitation's: 24 bytes; stored as the hex SHA-256 ({@link #hashHex}). */
    SURVEY(24),
    /** An affected customer's incident page: 32 bytes; stored as the SHA-256 bytes ({@link #hash}). */
    INCIDENT(32);

    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private final int bytes;
    private final int length;

    RandomToken(int bytes) {
        this.bytes = bytes;
        this.length = (bytes * 8 + 5) / 6;
    }

    /** A new secret. */
    public String mint() {
        return Secrets.randomToken(bytes);
    }

    /**
     * Whether the text can be a token of this kind, in its one spelling: the right length,
     * base64url, no padding, no unused bits set. Anything else is refused without a look-up.
     */
    public boolean wellFormed(String token) {
        if (token.length() != length || !token.chars().allMatch(RandomToken::base64url)) {
            return false;
        }
        return ENCODE.encodeToString(DECODE.decode(token)).equals(token);
    }

    /** The SHA-256 of the token, as stored in a binary column. */
    public byte[] hash(String token) {
        return Secrets.sha256(token);
    }

    /** The SHA-256 of the token in lower-case hex, as stored in a text column. */
    public String hashHex(String token) {
        return Secrets.sha256Hex(token);
    }

    private static boolean base64url(int c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_';
    }
}
