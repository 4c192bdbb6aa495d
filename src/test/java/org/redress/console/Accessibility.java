package org.redress.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;

/** Runs axe-core in the page as it stands and fails on any serious or critical WCAG 2.1 A/AA violation. */
final class Accessibility {

    private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private Accessibility() {
    }

    static void assertNoSeriousViolations(Page page) {
        String found = seriousViolations(page);
        assertThat(found).as("serious or critical accessibility violations on %s:%n%s", page.url(), found).isEmpty();
    }

    /** The serious and critical violations on the page as it stands, described for a person; empty when there are none. */
    static String seriousViolations(Page page) {
        // Legacy mode runs axe once in the page itself (the console has no frames) rather than frame by
        // frame: the frame-by-frame run once waited for ever on a page that had just swapped content.
        AxeResults results = new AxeBuilder(page).withTags(WCAG).setLegacyMode(true).analyze();
        List<Rule> serious = results.getViolations().stream()
            .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
            .toList();
        return serious.isEmpty() ? "" : describe(serious);
    }

    private static String describe(List<Rule> rules) {
        return rules.stream().map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + "\n    "
                + rule.getNodes().stream().limit(5).map(node -> node.getTarget() + " " + abbreviate(node.getFailureSummary()))
                    .collect(Collectors.joining("\n    ")))
            .collect(Collectors.joining("\n"));
    }

    private static String abbreviate(String text) {
        String flat = text == null ? "" : text.replace('\n', ' ');
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }
}
