package org.redress.privacy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.redress.audit.AuditTrail;
import org.redress.customers.CustomerManagement;
import org.redress.customers.CustomerView;
import org.redress.customers.PersonalDataSection;
import org.redress.identity.RedressUser;
import org.redress.identity.Role;
import org.redress.shared.Forbidden;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One customer's personal data as one bundle: the customer, then each module's section (cases,
 * communications, promises, remedies, surveys, incidents, risk, business events, lessons) and
 * the audit log's entries about them and their cases. Read in one transaction, so the sections
 * agree with each other. Managers and admins export; each export is audited (who, not what).
 */
@Service
@Transactional(readOnly = true)
public class PersonalDataExport {

    static final String FORMAT = "redress.personal-data/1";

    private final CustomerManagement customers;
    private final Subjects subjects;
    private final List<PersonalDataSection> sections;
    private final AuditTrail audit;
    private final Clock clock;

    PersonalDataExport(CustomerManagement customers, Subjects subjects, List<PersonalDataSection> sections, AuditTrail audit, Clock clock) {
        this.customers = customers;
        this.subjects = subjects;
        this.sections = sections.stream().sorted(Comparator.comparing(PersonalDataSection::name)).toList();
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Map<String, @Nullable Object> export(RedressUser by, long customerId) {
        if (by.role() != Role.MANAGER && by.role() != Role.ADMIN) {
            throw new Forbidden("Only a manager or an admin exports a customer's personal data.");
        }
        CustomerView customer = customers.get(customerId);
        PersonalDataSection.Subject subject = subjects.of(customer);
        Map<String, @Nullable Object> bundle = new LinkedHashMap<>();
        bundle.put("format", FORMAT);
        bundle.put("exportedAt", clock.instant().toString());
        bundle.put("exportedBy", by.name());
        bundle.put("customerId", customerId);
        for (PersonalDataSection section : sections) {
            Object rows = section.export(subject);
            if (!(rows instanceof Map<?, ?> parts && parts.isEmpty())) {
                bundle.put(section.name(), rows);
            }
        }
        List<AuditTrail.Entry> entries = new ArrayList<>();
        for (String about : Subjects.auditSubjects(subject, sections)) {
            List<AuditTrail.Entry> page = audit.page(about, null, 500);
            while (!page.isEmpty()) {
                entries.addAll(page);
                page = page.size() < 500 ? List.of() : audit.page(about, page.get(page.size() - 1).id(), 500);
            }
        }
        entries.sort(Comparator.comparingLong(AuditTrail.Entry::id));
        bundle.put("audit", entries);
        audit.record(by.actor(), "customer.data-exported", "customer:" + customerId, sections.size() + 1 + " sections, "
            + subject.caseIds().size() + " cases");
        return bundle;
    }
}
