package org.redress.communications;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code redress.tone.*}: which rules block sending (the others only advise), the longest
 * message per channel, and phrase lists per language that replace the built-in English
 * ones (e.g. {@code redress.tone.languages.es.blame=usted debió,...}).
 */
@ConfigurationProperties("redress.tone")
record ToneSettings(@DefaultValue({}) Set<ToneCoach.Rule> blocking, @DefaultValue("280") int socialMaxChars,
                    @DefaultValue("600") int chatMaxChars, @DefaultValue("350") int emailMaxWords,
                    @DefaultValue({}) Map<String, Phrases> languages) {

    /** The phrases a rule looks for, in one language; a missing list keeps the built-in one. */
    record Phrases(@Nullable List<String> blame, @Nullable List<String> policy, @Nullable List<String> excuse,
                   @Nullable List<String> ownership, @Nullable List<String> apology, @Nullable List<String> nextStep) {}
}
