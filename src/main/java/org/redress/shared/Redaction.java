package org.redress.shared;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Takes one person's identifiers out of free text that staff or the system wrote (a note, a
 * timeline line, a webhook's payload), leaving the rest readable: their full name and each
 * part of it of three letters or more, their email, their reference, and their phone number
 * however it was spaced. Each becomes {@value #MARK}. Matching ignores case; name parts match
 * whole words only, so "Dahl" goes and "Dahlia" stays.
 */
public final class Redaction {

    public static final String MARK = "[erased]";

    private static final int SHORTEST_NAME_PART = 3;
    private static final int SHORTEST_PHONE = 6;
    private static final String NOT_IN_A_WORD_BEFORE = "(?<![\\p{L}\\p{N}])";
    private static final String NOT_IN_A_WORD_AFTER = "(?![\\p{L}\\p{N}])";

    private final @Nullable Pattern identifiers;

    private Redaction(@Nullable Pattern identifiers) {
        this.identifiers = identifiers;
    }

    public static Redaction of(@Nullable String name, @Nullable String email, @Nullable String phone, @Nullable String reference) {
        Set<String> literals = new LinkedHashSet<>();
        add(literals, email);
        add(literals, reference);
        if (name != null && !name.isBlank()) {
            add(literals, name.trim());
        }
        List<String> alternatives = new ArrayList<>();
        // Longest first, so the full name goes as one piece before its parts are tried.
        literals.stream().sorted(Comparator.comparingInt(String::length).reversed())
            .forEach(literal -> alternatives.add(Pattern.quote(literal)));
        if (name != null) {
            for (String part : name.trim().split("[\\s,.]+")) {
                if (part.codePointCount(0, part.length()) >= SHORTEST_NAME_PART) {
                    alternatives.add(NOT_IN_A_WORD_BEFORE + Pattern.quote(part) + NOT_IN_A_WORD_AFTER);
                }
            }
        }
        String digits = phone == null ? "" : phone.replaceAll("\\D", "");
        if (digits.length() >= SHORTEST_PHONE) {
            // Any spacing, dashes, dots or brackets between the digits, and the plus or not.
            alternatives.add("\\+?" + String.join("[\\s\\-.()]*", digits.split("")));
        }
        return new Redaction(alternatives.isEmpty() ? null
            : Pattern.compile(String.join("|", alternatives), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }

    private static void add(Set<String> literals, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            literals.add(value.trim().toLowerCase(Locale.ROOT));
        }
    }

    /** The text without the person's identifiers; null stays null. */
    public @Nullable String apply(@Nullable String text) {
        if (text == null || identifiers == null) {
            return text;
        }
        Matcher matcher = identifiers.matcher(text);
        return matcher.find() ? matcher.replaceAll(Matcher.quoteReplacement(MARK)) : text;
    }
}
