package org.redress.training;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Takes the personal data out of a case's words before they become a scenario: the names it
 * knows (the customer's and the staff's, whole and each part), the customer's references, email addresses, links, phone
 * numbers, case numbers, and any word carrying digits that is not a short count or a date
 * (order numbers, references, postcodes). Each is replaced by what it was ({@code [name]},
 * {@code [email]}, …), so the conversation still reads. A lead reads the result before it is
 * published; names it does not know (a neighbour mentioned in passing) are theirs to catch.
 */
final class Anonymiser {

    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
    private static final Pattern LINK = Pattern.compile("(https?://|www\\.)\\S+", Pattern.CASE_INSENSITIVE);
    private static final Pattern CASE = Pattern.compile("\\bRC-\\d+\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    // Not the digits of a code joined to letters by a hyphen ("CUST-12345678"): those are a reference.
    private static final Pattern PHONE = Pattern.compile("(?<![\\w.-])\\+?\\d[\\d ()./-]{5,}\\d(?![\\w.])");
    // Kept: short counts ("2 weeks", "3rd"), dates and times; a longer run of digits is a number someone could look up.
    private static final Pattern COUNT_OR_DATE = Pattern.compile(
        "\\d{1,3}(st|nd|rd|th|am|pm|h|kg|km)?|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}(/\\d{2,4})?", Pattern.CASE_INSENSITIVE);
    private static final Pattern WORD_WITH_DIGIT = Pattern.compile("[#\\w/-]*\\d[#\\w/-]*");

    private final List<String> names;
    private final List<String> references;

    private Anonymiser(List<String> names, List<String> references) {
        this.names = names;
        this.references = references;
    }

    /**
     * For words that may name these people (each name whole, then each part of it of two letters
     * or more) and hold these references (a customer number, a phone number as stored).
     */
    static Anonymiser knowing(Collection<@Nullable String> people, Collection<@Nullable String> references) {
        List<String> names = new ArrayList<>();
        for (String person : people) {
            if (person == null || person.isBlank()) {
                continue;
            }
            names.add(person.trim());
            for (String part : person.trim().split("[\\s,]+")) {
                if (part.length() >= 2) {
                    names.add(part);
                }
            }
        }
        // Longest first, so "Harriet Quince" goes whole before "Harriet" alone.
        names.sort(Comparator.comparingInt(String::length).reversed());
        return new Anonymiser(names.stream().distinct().toList(),
            references.stream().filter(reference -> reference != null && reference.length() >= 3).map(String::valueOf).toList());
    }

    String clean(@Nullable String text) {
        if (text == null) {
            return "";
        }
        String clean = EMAIL.matcher(text).replaceAll("[email]");
        clean = LINK.matcher(clean).replaceAll("[link]");
        clean = CASE.matcher(clean).replaceAll("[case]");
        clean = PHONE.matcher(clean).replaceAll(phone -> DAY.matcher(phone.group()).matches() ? phone.group() : "[phone]");
        for (String reference : references) {
            clean = Pattern.compile(Pattern.quote(reference), Pattern.CASE_INSENSITIVE).matcher(clean).replaceAll("[reference]");
        }
        for (String name : names) {
            clean = Pattern.compile("(?<!\\w)" + Pattern.quote(name) + "(?!\\w)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                .matcher(clean).replaceAll("[name]");
        }
        Matcher words = WORD_WITH_DIGIT.matcher(clean);
        StringBuilder out = new StringBuilder();
        while (words.find()) {
            String word = words.group();
            words.appendReplacement(out, Matcher.quoteReplacement(COUNT_OR_DATE.matcher(word).matches() ? word : "[reference]"));
        }
        words.appendTail(out);
        return out.toString();
    }

    /** Whether the text still holds any of these values (case-insensitive): the scan a lead can trust. */
    static List<String> leaks(String text, Collection<@Nullable String> personal) {
        String lower = text.toLowerCase(Locale.ROOT);
        return personal.stream().filter(value -> value != null && value.length() >= 2)
            .filter(value -> lower.contains(value.toLowerCase(Locale.ROOT))).map(String::valueOf).toList();
    }
}
