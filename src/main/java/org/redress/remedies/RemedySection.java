package org.redress.remedies;

import java.util.List;

import org.redress.customers.Erasure;
import org.redress.customers.TableSection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The remedies proposed, offered, agreed or given on the customer's cases, for their data export. */
@Component
class RemedySection extends TableSection {

    RemedySection(JdbcClient jdbc) {
        super(jdbc, "remedies",
            "remedies", "select * from remedies where case_id in (:cases) order by id");
    }

    @Override
    protected List<Erasure> erasures() {
        return List.of(
            Erasure.sql("update remedies set customer_note = case when customer_note is null then null else :erased end, fulfilment_ref = null where case_id in (:cases)"),
            Erasure.redact("remedies", "case_id in (:cases)", "description", "decision_note"));
    }

    @Override
    public List<String> auditSubjects(Subject subject) {
        return auditSubjects("remedy:", "select id from remedies where case_id in (:cases)", subject);
    }
}
