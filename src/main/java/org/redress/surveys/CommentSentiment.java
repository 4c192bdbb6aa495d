package org.redress.surveys;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Whether a survey comment is clearly negative, so that a customer who gave a middling
 * score but wrote "never again" is heard. Deliberately cautious: one strong phrase
 * ("worst", "never again", "unacceptable") or two milder ones ("late", "disappointed"),
 * not cancelled by a nearby negation ("not bad", "no problem"). A false alarm costs an
 * agent a minute; a missed unhappy customer costs the customer.
 */
final class CommentSentiment {

    // Whole words or phrases; a trailing * is a stem ("disappoint*": disappointed, disappointing).
    private static final List<String> STRONG = List.of("worst", "terrible", "awful", "horrible", "disgust*", "appalling",
        "unacceptable", "never again", "never ordering", "never buying", "never use", "rude", "scam*", "furious", "outraged",
        "useless", "shocking", "ridiculous", "pathetic", "a joke", "nightmare", "complaint*", "cancel my", "closing my account",
        "want my money back", "lawyer*", "fraud*");
    private static final List<String> MILD = List.of("late", "delay*", "broken", "damaged", "missing", "wrong", "poor",
        "bad", "disappoint*", "unhappy", "upset", "annoy*", "frustrat*", "waited", "still waiting", "slow", "cold", "dirty",
        "refund*", "not working", "doesn't work", "does not work", "didn't arrive", "did not arrive", "never arrived",
        "no one", "nobody", "ignored", "late again", "again late", "happened again", "once again");
    private static final List<String> NEGATIONS = List.of("not ", "no ", "never ", "n't ", "without ", "hardly ");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private CommentSentiment() {
    }

    static boolean isClearlyNegative(@Nullable String comment) {
        if (comment == null || comment.isBlank()) {
            return false;
        }
        String text = " " + SPACES.matcher(Normalizer.normalize(comment, Normalizer.Form.NFKC)
            .toLowerCase(Locale.ROOT).replace('’', '\'')).replaceAll(" ") + " ";
        int mild = 0;
        for (String phrase : STRONG) {
            if (occursUnnegated(text, phrase)) {
                return true;
            }
        }
        for (String phrase : MILD) {
            if (occursUnnegated(text, phrase)) {
                mild++;
            }
        }
        return mild >= 2;
    }

    // "not bad", "wasn't late", "not very late": a negation in the two words before cancels the phrase.
    // Whole words only: "late" is not in "chocolate" or "latest".
    private static boolean occursUnnegated(String text, String entry) {
        boolean stem = entry.endsWith("*");
        String phrase = stem ? entry.substring(0, entry.length() - 1) : entry;
        int at = text.indexOf(phrase);
        while (at >= 0) {
            int after = at + phrase.length();
            boolean whole = !Character.isLetter(text.charAt(at - 1)) && (stem || !Character.isLetter(text.charAt(after)));
            if (whole && !negatedBefore(text, at)) {
                return true;
            }
            at = text.indexOf(phrase, at + 1);
        }
        return false;
    }

    private static boolean negatedBefore(String text, int at) {
        int start = at;
        for (int words = 0; words < 2 && start > 0; words++) {
            start = text.lastIndexOf(' ', start - 2);
            if (start < 0) {
                start = 0;
            }
        }
        String before = text.substring(start, at);
        if (before.contains(".") || before.contains("!") || before.contains(",") || before.contains("but ")) {
            before = before.substring(Math.max(Math.max(before.lastIndexOf('.'), before.lastIndexOf('!')),
                Math.max(before.lastIndexOf(','), before.lastIndexOf("but "))) + 1);
        }
        String padded = " " + before;
        return NEGATIONS.stream().anyMatch(n -> padded.contains(" " + n) || (n.equals("n't ") && padded.contains(n)));
    }
}
