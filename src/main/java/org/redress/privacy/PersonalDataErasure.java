package org.redress.privacy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.redress.audit.AuditTrail;
import org.redress.cases.CaseSearch;
import org.redress.customers.CustomerManagement;
import org.redress.customers.CustomerView;
import org.redress.customers.PersonalDataSection;
import org.redress.identity.RedressUser;
import org.redress.identity.Role;
import org.redress.shared.Conflict;
import org.redress.shared.Forbidden;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Erases a customer's personal data from every module (each {@link PersonalDataSection} says
 * how), from the audit log's details, and from events the application has yet to hand to its
 * listeners, in one transaction: all of it or nothing. Their rows stay, anonymised, so counts,
 * durations and amounts in reports stay true. Admins only, once their cases are all closed (so
 * nothing is sent to them afterwards); audited without repeating what was erased.
 */
@Service
public class PersonalDataErasure {

    @Schema(name = "Erasure", description = "What an erasure changed.")
    public record Report(@Schema(description = "The customer, who stays as an anonymous record.") long customerId,
                         @Schema(description = "When their data was erased.") Instant erasedAt,
                         @Schema(description = "How many of their cases were anonymised.") int cases,
                         @Schema(description = "Rows changed or removed, by section (`audit` for the audit log's details).")
                         Map<String, Integer> changed) {}

    private final CustomerManagement customers;
    private final CaseSearch cases;
    private final Subjects subjects;
    private final List<PersonalDataSection> sections;
    private final AuditTrail audit;

    PersonalDataErasure(CustomerManagement customers, CaseSearch cases, Subjects subjects, List<PersonalDataSection> sections,
                        AuditTrail audit) {
        this.customers = customers;
        this.cases = cases;
        this.subjects = subjects;
        this.sections = sections.stream().sorted(Comparator.comparing(PersonalDataSection::name)).toList();
        this.audit = audit;
    }

    @Transactional
    public Report erase(RedressUser by, long customerId) {
        if (by.role() != Role.ADMIN) {
            throw new Forbidden("Only an admin erases a customer's personal data.");
        }
        CustomerView customer = customers.lock(customerId);
        customers.erasedAt(customerId).ifPresent(at -> {
            throw new Conflict("This customer's personal data was already erased on " + at + ".");
        });
        List<String> open = cases.openOfCustomer(customerId);
        if (!open.isEmpty()) {
            throw new Conflict("Close their open cases first (" + String.join(", ", open) + "): nothing may be sent to them "
                + "once their data is gone.");
        }
        PersonalDataSection.Subject subject = subjects.of(customer);
        // Gathered before any section changes its rows.
        List<String> auditSubjects = Subjects.auditSubjects(subject, sections);
        Map<String, Integer> changed = new LinkedHashMap<>();
        for (PersonalDataSection section : sections) {
            changed.put(section.name(), section.erase(subject));
        }
        List<String> mentions = new ArrayList<>(Arrays.asList(customer.name(), customer.email(), customer.phone(), customer.externalRef()));
        mentions.removeIf(Objects::isNull);
        changed.put("audit", audit.redact(auditSubjects, mentions, subject.redaction()));
        int total = changed.values().stream().mapToInt(Integer::intValue).sum();
        int caseCount = subject.caseIds().size();
        audit.record(by.actor(), "customer.erased", "customer:" + customerId, caseCount + " cases, " + total + " rows anonymised");
        return new Report(customerId, customers.erasedAt(customerId).orElseThrow(), caseCount, changed);
    }
}
