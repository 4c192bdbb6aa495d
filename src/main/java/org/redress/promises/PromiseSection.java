package org.redress.promises;

import java.util.List;

import org.redress.customers.Erasure;
import org.redress.customers.TableSection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The promises made to the customer on their cases, for their data export. */
@Component
class PromiseSection extends TableSection {

    PromiseSection(JdbcClient jdbc) {
        super(jdbc, "promises",
            "promises", "select * from promises where case_id in (:cases) order by id");
    }

    @Override
    protected List<Erasure> erasures() {
        return List.of(
            Erasure.redact("promises", "case_id in (:cases)", "description", "note", "reference"));
    }

    @Override
    public List<String> auditSubjects(Subject subject) {
        return auditSubjects("promise:", "select id from promises where case_id in (:cases)", subject);
    }
}
