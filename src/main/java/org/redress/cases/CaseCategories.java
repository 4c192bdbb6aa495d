package org.redress.cases;

import java.util.List;

import org.springframework.stereotype.Service;

/**
 * The complaint categories, for modules that open cases on their own (surveys, incidents, risk),
 * and the root causes' names, for modules that list what cases found (lessons).
 */
@Service
public class CaseCategories {

    /** A category as a form lists it. */
    public record Category(String code, String label) {}

    private final Taxonomy taxonomy;

    CaseCategories(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    /** The active categories, in their order. */
    public List<Category> active() {
        return taxonomy.entries(Taxonomy.CATEGORY, true).stream().map(e -> new Category(e.code(), e.label())).toList();
    }

    /**
     * The preferred category if it is active; otherwise {@code other}, or the first active
     * one. For cases Redress opens by itself, which must not fail because an admin retired
     * a category after it was configured.
     */
    public String activeOr(String preferred) {
        List<Category> active = active();
        return active.stream().map(Category::code).filter(preferred::equals).findFirst()
            .or(() -> active.stream().map(Category::code).filter("other"::equals).findFirst())
            .or(() -> active.stream().map(Category::code).findFirst())
            .orElse(preferred);
    }

    /** Every root cause's label by its code, retired ones included (old cases keep theirs). */
    public java.util.Map<String, String> rootCauseLabels() {
        return taxonomy.entries(Taxonomy.ROOT_CAUSE, false).stream()
            .collect(java.util.stream.Collectors.toMap(TaxonomyEntry::code, TaxonomyEntry::label, (a, b) -> a));
    }

    /** The active category's code, or a clear refusal (400) naming those that exist. */
    public String require(String field, String code) {
        return taxonomy.require(Taxonomy.CATEGORY, field, code);
    }
}
