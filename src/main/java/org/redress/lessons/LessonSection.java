package org.redress.lessons;

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
}
