package org.redress.customers;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.redress.shared.Redaction;

/**
 * What one module holds about a customer, for their rights of access and erasure: every module
 * that keeps something about a customer or their cases implements it, and the export and the
 * erasure gather every implementation, so a new module's data cannot be left out by forgetting
 * a list, and a module cannot give data back without saying how it is erased.
 */
public interface PersonalDataSection {

    /** Who the export or erasure is about: the customer, how they are known, and their cases (ids and numbers). */
    record Subject(long customerId, @Nullable String name, @Nullable String email, @Nullable String phone,
                   @Nullable String externalRef, List<Long> caseIds, List<String> caseNumbers) {

        /** The audit log's subjects that are about them: {@code customer:17}, {@code case:RC-000042}. */
        public List<String> auditSubjects() {
            List<String> subjects = new java.util.ArrayList<>(List.of("customer:" + customerId));
            caseNumbers.forEach(number -> subjects.add("case:" + number));
            return subjects;
        }

        /** What their reference becomes when they are erased: unique, and no longer theirs. */
        public String pseudonym() {
            return "erased-" + customerId;
        }

        /** What takes their name, email, phone and reference out of a text. */
        public Redaction redaction() {
            return Redaction.of(name, email, phone, externalRef);
        }
    }

    /** The section's name in the bundle, e.g. {@code cases}. */
    String name();

    /**
     * Everything the module holds about the subject, as rows (column → value) under names of its own;
     * an empty map when it holds nothing to give back (staff's own reviews of a case, say).
     */
    Object export(Subject subject);

    /**
     * The audit log's subjects for what the module holds about them besides the customer and their cases
     * ({@code remedy:7}), so the export gives those entries back and the erasure reaches their details too.
     */
    default List<String> auditSubjects(Subject subject) {
        return List.of();
    }

    /**
     * Erases or anonymises what the module holds about the subject, in the erasure's transaction:
     * what they wrote and what identifies them goes; rows, counts, moments and amounts stay, so
     * reports stay true. Returns how many rows changed.
     */
    int erase(Subject subject);
}
