package org.redress.privacy;

import java.util.ArrayList;
import java.util.List;

import org.redress.cases.CaseNumber;
import org.redress.cases.CaseSearch;
import org.redress.customers.CustomerView;
import org.redress.customers.PersonalDataSection;
import org.redress.customers.PersonalDataSection.Subject;
import org.springframework.stereotype.Component;

/** Who an export or an erasure is about: the customer with all their cases, and every audit subject about them. */
@Component
class Subjects {

    private final CaseSearch cases;

    Subjects(CaseSearch cases) {
        this.cases = cases;
    }

    Subject of(CustomerView customer) {
        List<Long> ids = cases.allOfCustomer(customer.id());
        return new Subject(customer.id(), customer.name(), customer.email(), customer.phone(), customer.externalRef(), ids,
            ids.stream().map(CaseNumber::format).toList());
    }

    /** The customer's and their cases' subjects, then each section's own ({@code remedy:7}). */
    static List<String> auditSubjects(Subject subject, List<PersonalDataSection> sections) {
        List<String> subjects = new ArrayList<>(subject.auditSubjects());
        sections.forEach(section -> subjects.addAll(section.auditSubjects(subject)));
        return subjects;
    }
}
