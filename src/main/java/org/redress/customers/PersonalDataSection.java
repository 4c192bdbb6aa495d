package org.redress.customers;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What one module holds about a customer, for the export of their personal data: every module
 * that keeps something about a customer or their cases implements it, and the export gathers
 * every implementation, so a new module's data cannot be left out by forgetting a list.
 */
public interface PersonalDataSection {

    /** Who the export is about: the customer, how they are known, and their cases (ids and numbers). */
    record Subject(long customerId, @Nullable String email, @Nullable String phone, @Nullable String externalRef, List<Long> caseIds,
                   List<String> caseNumbers) {

        /** The audit log's subjects that are about them: {@code customer:17}, {@code case:RC-000042}. */
        public List<String> auditSubjects() {
            List<String> subjects = new java.util.ArrayList<>(List.of("customer:" + customerId));
            caseNumbers.forEach(number -> subjects.add("case:" + number));
            return subjects;
        }
    }

    /** The section's name in the bundle, e.g. {@code cases}. */
    String name();

    /** Everything the module holds about the subject, as rows (column → value) under names of its own. */
    Object export(Subject subject);
}
