package org.redress.lessons;

import java.util.List;

import org.redress.customers.Erasure;
import org.redress.customers.TableSection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The lessons recorded on the customer's cases (they may describe what happened to them), for their data export. */
@Component
class LessonSection extends TableSection {

    LessonSection(JdbcClient jdbc) {
        super(jdbc, "lessons",
            "lessons", "select * from lessons where case_id in (:cases) order by id");
    }

    @Override
    protected List<Erasure> erasures() {
        return List.of(
            Erasure.redact("lessons", "case_id in (:cases)", "lesson", "action", "settled_note"));
    }

    @Override
    public List<String> auditSubjects(Subject subject) {
        return auditSubjects("lesson:", "select id from lessons where case_id in (:cases)", subject);
    }
}
