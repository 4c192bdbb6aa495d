package org.redress.communications;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Reviews a draft to a customer before it goes out, and says what to change: blaming the
 * customer, hiding behind policy, excuses without ownership, a missing apology where the
 * step needs one, no next step or date where one is due, shouting, too long for the
 * channel. It advises; rules an admin lists in {@code redress.tone.blocking} refuse.
 */
@Component
public class ToneCoach {

    public enum Rule { BLAME, POLICY, EXCUSE, MISSING_APOLOGY, NO_NEXT_STEP, SHOUTING, TOO_LONG }

    @Schema(name = "ToneFinding", description = "Something to change in a draft, and why.")
    public record Finding(@Schema(description = "The rule.") Rule rule,
                          @Schema(description = "What to change.") String advice,
                          @Schema(description = "The words that triggered it, if any.") @Nullable String quote,
                          @Schema(description = "True when an admin made this rule block sending.") boolean blocking) {}

    private static final ToneSettings.Phrases ENGLISH = new ToneSettings.Phrases(
        List.of("you should have", "you failed to", "you didn't", "you did not", "your fault", "you forgot", "you were supposed to",
            "if you had", "you need to read", "as you were told", "you must have"),
        List.of("per our policy", "as per policy", "company policy", "our policy", "nothing we can do", "there is nothing we can",
            "we cannot make exceptions", "rules are rules", "terms and conditions", "not something we do"),
        List.of("beyond our control", "not our fault", "it's not our fault", "the courier's fault", "not our responsibility",
            "these things happen", "the system did", "the system was", "out of our hands"),
        List.of("our mistake", "we got this wrong", "we got it wrong", "that's on us", "that is on us", "it was our fault",
            "i take responsibility", "we take responsibility", "we should have", "i should have", "we let you down"),
        List.of("sorry", "apologi", "apologize", "apologise", "regret"),
        List.of("tomorrow", "today", "tonight", "next week", "within", "by monday", "by tuesday", "by wednesday", "by thursday",
            "by friday", "by saturday", "by sunday", "by the end of", "hours", "days", "{{promise.date}}"));

    private static final Set<Purpose> NEEDS_APOLOGY = EnumSet.of(Purpose.APOLOGY, Purpose.EXPLANATION, Purpose.INCIDENT_NOTICE);
    private static final Set<Purpose> NEEDS_NEXT_STEP = EnumSet.of(Purpose.CONFIRMATION, Purpose.STATUS_UPDATE, Purpose.OFFER,
        Purpose.INCIDENT_NOTICE);
    private static final Pattern DATE = Pattern.compile(
        "\\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august"
            + "|september|october|november|december|\\d{1,2}[/.-]\\d{1,2}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}(:\\d{2})? ?(am|pm))\\b");
    private static final Pattern SHOUTED_WORDS = Pattern.compile("\\b[A-Z]{3,}\\b(\\W+\\b[A-Z]{3,}\\b)+");
    private static final Pattern CASE_NUMBER = Pattern.compile("\\bRC-\\d+\\b");

    private final ToneSettings settings;

    ToneCoach(ToneSettings settings) {
        this.settings = settings;
    }

    public List<Finding> review(String draft, @Nullable Purpose purpose, String channel, String language) {
        ToneSettings.Phrases phrases = phrases(language);
        String text = draft.toLowerCase(Locale.ROOT).replace('’', '\'');
        List<Finding> findings = new ArrayList<>();
        String blame = firstOf(text, phrases.blame());
        if (blame != null) {
            add(findings, Rule.BLAME, "Do not put it on the customer (\"" + blame + "\"): say what happened and what we will do.", blame);
        }
        String policy = firstOf(text, phrases.policy());
        if (policy != null) {
            add(findings, Rule.POLICY, "Do not hide behind policy (\"" + policy + "\"): say what we can do for them.", policy);
        }
        String excuse = firstOf(text, phrases.excuse());
        if (excuse != null && firstOf(text, phrases.ownership()) == null) {
            add(findings, Rule.EXCUSE, "An excuse without ownership (\"" + excuse + "\"): own our part, e.g. \"we got this wrong\".",
                excuse);
        }
        if (purpose != null && NEEDS_APOLOGY.contains(purpose) && firstOf(text, phrases.apology()) == null) {
            add(findings, Rule.MISSING_APOLOGY, "This message needs a sincere apology: say sorry, plainly.", null);
        }
        if (purpose != null && NEEDS_NEXT_STEP.contains(purpose) && firstOf(text, phrases.nextStep()) == null
                && !DATE.matcher(text).find()) {
            add(findings, Rule.NO_NEXT_STEP, "Say what happens next and by when (a day or a date).", null);
        }
        String shouted = shouting(draft);
        if (shouted != null) {
            add(findings, Rule.SHOUTING, "Do not shout (\"" + shouted + "\"): write in sentence case, without \"!!\".", shouted);
        }
        String tooLong = tooLong(draft, channel);
        if (tooLong != null) {
            add(findings, Rule.TOO_LONG, tooLong, null);
        }
        return findings;
    }

    /** Whether the words own our part ("we got this wrong", "that's on us"), as the playbook asks where we were at fault. */
    public boolean ownsOurPart(String draft, String language) {
        return firstOf(draft.toLowerCase(Locale.ROOT).replace('’', '\''), phrases(language).ownership()) != null;
    }

    private void add(List<Finding> findings, Rule rule, String advice, @Nullable String quote) {
        findings.add(new Finding(rule, advice, quote, settings.blocking().contains(rule)));
    }

    private static @Nullable String shouting(String draft) {
        if (draft.contains("!!")) {
            return "!!";
        }
        Matcher matcher = SHOUTED_WORDS.matcher(CASE_NUMBER.matcher(draft).replaceAll(""));
        return matcher.find() ? matcher.group() : null;
    }

    private @Nullable String tooLong(String draft, String channel) {
        return switch (channel) {
            case "social" -> draft.length() > settings.socialMaxChars()
                ? "Too long for a public post (" + draft.length() + " characters; at most " + settings.socialMaxChars()
                    + "): acknowledge and invite them to a private channel." : null;
            case "chat" -> draft.length() > settings.chatMaxChars()
                ? "Too long for chat (" + draft.length() + " characters; at most " + settings.chatMaxChars() + ")." : null;
            default -> {
                int words = draft.isBlank() ? 0 : draft.trim().split("\\s+").length;
                yield words > settings.emailMaxWords()
                    ? "Too long (" + words + " words; keep it under " + settings.emailMaxWords() + "): say the essentials." : null;
            }
        };
    }

    private ToneSettings.Phrases phrases(String language) {
        ToneSettings.Phrases configured = settings.languages().get(language);
        if (configured == null) {
            return ENGLISH;
        }
        return new ToneSettings.Phrases(or(configured.blame(), ENGLISH.blame()), or(configured.policy(), ENGLISH.policy()),
            or(configured.excuse(), ENGLISH.excuse()), or(configured.ownership(), ENGLISH.ownership()),
            or(configured.apology(), ENGLISH.apology()), or(configured.nextStep(), ENGLISH.nextStep()));
    }

    private static List<String> or(@Nullable List<String> configured, List<String> builtIn) {
        return configured == null ? builtIn : configured;
    }

    private static @Nullable String firstOf(String text, @Nullable List<String> phrases) {
        if (phrases == null) {
            return null;
        }
        for (String phrase : phrases) {
            if (text.contains(phrase.toLowerCase(Locale.ROOT))) {
                return phrase;
            }
        }
        return null;
    }
}
