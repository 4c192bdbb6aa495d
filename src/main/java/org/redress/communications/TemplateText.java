package org.redress.communications;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.redress.shared.InvalidInput;

/**
 * {@code {{variable}}} substitution in templates. Only the known variables may appear: a
 * misspelt one is refused when the template is saved, not discovered by a customer.
 */
final class TemplateText {

    static final Set<String> VARIABLES = Set.of("customer.name", "case.number", "promise.date", "remedy", "agent.name",
        "customer.link", "incident.title", "incident.what", "incident.plan", "incident.date", "survey.question");
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([A-Za-z.]+)\\s*}}");

    private TemplateText() {
    }

    static List<String> unknownVariables(String text) {
        Set<String> unknown = new LinkedHashSet<>();
        Matcher matcher = VARIABLE.matcher(text);
        while (matcher.find()) {
            if (!VARIABLES.contains(matcher.group(1))) {
                unknown.add(matcher.group(1));
            }
        }
        return new ArrayList<>(unknown);
    }

    static void requireKnown(String field, String text) {
        List<String> unknown = unknownVariables(text);
        if (!unknown.isEmpty()) {
            throw InvalidInput.field(field, "uses unknown variable" + (unknown.size() == 1 ? " " : "s ")
                + String.join(", ", unknown.stream().map(name -> "{{" + name + "}}").toList()) + "; known: "
                + String.join(", ", VARIABLES.stream().sorted().map(name -> "{{" + name + "}}").toList()));
        }
    }

    /** The text with each variable replaced; a variable without a value becomes empty. */
    static String render(String text, Map<String, String> values) {
        requireKnown("text", text);
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(matcher.group(1), "")));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
