package org.redress.cases;

import java.util.List;

import org.redress.customers.Erasure;
import org.redress.customers.TableSection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The customer's cases, for their data export: each case, its steps, tags, messages (their words and ours) and timeline. */
@Component
class CaseSection extends TableSection {

    CaseSection(JdbcClient jdbc) {
        super(jdbc, "cases",
            "cases", "select * from recovery_cases where id in (:cases) order by id",
            "steps", "select * from case_steps where recovery_case in (:cases) order by recovery_case, done_at",
            "tags", "select * from case_tags where recovery_case in (:cases) order by recovery_case, name",
            "messages", "select * from case_messages where case_id in (:cases) order by id",
            "timeline", "select * from case_timeline where case_id in (:cases) order by id");
    }

    @Override
    protected List<Erasure> erasures() {
        return List.of(
            Erasure.sql("update recovery_cases set subject = :erased where id in (:cases)"),
            Erasure.redact("recovery_cases", "id in (:cases)", "resolution"),
            Erasure.sql("update case_messages set subject = null, body = :erased where case_id in (:cases)"),
            Erasure.sql("update case_messages set author = :erased where case_id in (:cases) and direction = 'INBOUND'"),
            Erasure.redactKeyed("case_steps", List.of("recovery_case", "step"), "recovery_case in (:cases)", "note"),
            Erasure.redact("case_timeline", "case_id in (:cases)", "summary"),
            // An idempotency key's fingerprint is a hash of the complaint as sent, their details included.
            Erasure.sql("delete from intake_keys where case_id in (:cases)"));
    }
}
