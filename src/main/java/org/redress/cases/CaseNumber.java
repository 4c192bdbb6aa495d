package org.redress.cases;

import java.util.Optional;

/** The human-readable case number, e.g. {@code RC-000123}: the case id, padded, with a prefix. */
public final class CaseNumber {

    private static final String PREFIX = "RC-";

    private CaseNumber() {
    }

    public static String format(long id) {
        // By hand, not String.format: every line of every list formats one (a formatter per call).
        String digits = Long.toString(id);
        return digits.length() >= 6 ? PREFIX + digits : PREFIX + "000000".substring(digits.length()) + digits;
    }

    /** Reads {@code RC-000123}, {@code rc-123} or a bare id {@code 123}. */
    static Optional<Long> parse(String text) {
        String digits = text.trim();
        if (digits.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            digits = digits.substring(PREFIX.length());
        }
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(digits));
    }
}
