package org.redress.cases;

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
}
