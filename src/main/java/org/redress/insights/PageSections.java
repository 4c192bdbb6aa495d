package org.redress.insights;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The sections the Insights page loads after itself, each by its name in the URL
 * ({@code /insights/what-recovers}), the fragment that shows it and the report it shows, in the
 * page's order. One list, so that a new report is one line here and one fragment.
 */
@Component
class PageSections {

    /** A section: its path, its fragment (and model attribute) in {@code insights/summary}, and its report. */
    record Section(String path, String fragment, BiFunction<Period, @Nullable Long, ?> report) {}

    private final List<Section> sections;

    PageSections(Retention retention, Goodwill goodwill, PromisesKept promises, Satisfaction satisfaction, Causes causes,
                 WhatRecovers whatRecovers, Proactive proactive, Wins wins, ActionEffects lessons) {
        this.sections = List.of(
            new Section("retention", "retention", retention::of),
            new Section("goodwill", "goodwill", goodwill::of),
            new Section("promises", "promises", promises::of),
            new Section("satisfaction", "satisfaction", satisfaction::of),
            new Section("causes", "causes", causes::of),
            new Section("what-recovers", "whatRecovers", whatRecovers::of),
            new Section("proactive", "proactive", proactive::of),
            new Section("wins", "wins", wins::of),
            new Section("lessons", "lessons", lessons::of));
    }

    Optional<Section> named(String path) {
        return sections.stream().filter(section -> section.path().equals(path)).findFirst();
    }
}
