package org.redress.insights;

import java.util.List;
import java.util.Optional;

import org.redress.identity.UserSummary;

/**
 * A part of the weekly insights digest, after its key numbers and what changed: every Spring
 * bean implementing it is asked, for each reader of each week's digest, in {@code @Order}.
 * This is where a module adds what it has for the week, e.g. the overdue actions of lessons
 * learned, for the reader or their team. A module that implements it depends on insights,
 * which therefore must not depend on that module's code (insights reads other modules'
 * tables, by their documented columns, not their classes).
 */
public interface DigestSection {

    /** A titled list of lines, e.g. "Overdue actions" and one line per action. */
    record Part(String title, List<String> lines) {}

    /**
     * This reader's part for the week (the seven days the digest reports), or none when there
     * is nothing to say: the digest then leaves the section out. Called inside the transaction
     * that records the reader's digest as sent; a failure leaves their digest for the next try.
     */
    Optional<Part> partFor(UserSummary reader, Period week);
}
