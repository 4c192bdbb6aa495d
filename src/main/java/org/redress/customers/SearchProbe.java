package org.redress.customers;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The part of a search term worth asking a trigram index for. A GIN trigram index answers
 * {@code like '%customer12345%'} by intersecting the lists of rows holding each of the term's
 * trigrams, and when most customers share some of them ("cus", "tom", "mer" for a term that
 * starts like every email) those lists are the whole table: the index reads all of them (8 ms
 * at 200,000 customers) to find one row. The rare part alone ({@code '%12345%'}) finds the
 * same row from a few pages (0.3 ms), and the whole term is then checked on the rows found.
 * <p>
 * A probe is always a run of the term's letters and digits, which every value containing the
 * term contains as it is: so whatever is common, asking with the probe finds a superset of the
 * matches, never fewer. Whether the probe is worth asking (the customers it finds beyond the
 * term's must be checked one by one) is for {@link CommonTrigrams} to weigh.
 */
final class SearchProbe {

    private SearchProbe() {
    }

    /** The LIKE pattern of values that contain the text anywhere. */
    static String containing(String text) {
        return "%" + text + "%";
    }

    /**
     * The longest run of the term's letters and digits whose every trigram is rare in the
     * column (at least one trigram long), or null when no run has a rare trigram.
     *
     * @param term   the search term as searched, lower case
     * @param common the trigrams most of the column's values share
     */
    static @Nullable String rareRun(String term, Set<String> common) {
        String best = null;
        for (String word : words(term)) {
            String rare = longestRareRun(word, common);
            if (rare != null && (best == null || rare.length() > best.length())) {
                best = rare;
            }
        }
        return best;
    }

    // The longest stretch of a word whose trigrams are all rare, at least one trigram long.
    private static @Nullable String longestRareRun(String word, Set<String> common) {
        String best = null;
        int from = -1;
        for (int i = 0; i <= word.length() - 3; i++) {
            boolean rare = !common.contains(word.substring(i, i + 3));
            if (rare && from < 0) {
                from = i;
            }
            boolean runEnds = !rare || i == word.length() - 3;
            if (from >= 0 && runEnds) {
                int to = rare ? i + 3 : i + 2;
                if (best == null || to - from > best.length()) {
                    best = word.substring(from, to);
                }
                from = -1;
            }
        }
        return best;
    }

    /** The trigrams inside the value's runs of letters and digits, lower case: what a probe can be made of. */
    static Set<String> trigrams(String value) {
        Set<String> trigrams = new HashSet<>();
        for (String word : words(value.toLowerCase(Locale.ROOT))) {
            for (int i = 0; i + 3 <= word.length(); i++) {
                trigrams.add(word.substring(i, i + 3));
            }
        }
        return trigrams;
    }

    // The text's runs of letters and digits: everything else (LIKE's wildcards among them) splits words.
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean wordChar = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                words.add(text.substring(start, i));
                start = -1;
            }
        }
        return words;
    }
}
