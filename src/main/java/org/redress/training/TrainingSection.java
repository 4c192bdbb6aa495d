package org.redress.training;

import java.util.ArrayList;
import java.util.List;

import org.redress.customers.Erasure;
import org.redress.customers.TableSection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Quality reviews of the customer's cases and practice scenarios made from them: staff's
 * appraisal and training, so nothing to give back in an export, but a reviewer's comment or a
 * scenario's text may still name the customer, and an erasure takes that out.
 */
@Component
class TrainingSection extends TableSection {

    TrainingSection(JdbcClient jdbc) {
        super(jdbc, "training");
    }

    @Override
    protected List<Erasure> erasures() {
        return List.of(
            Erasure.redact("quality_reviews", "case_id in (:cases)", "comment", "answer"),
            Erasure.redactKeyed("quality_review_ratings", List.of("review_id", "item_code"),
                "review_id in (select id from quality_reviews where case_id in (:cases))", "note"),
            Erasure.redact("training_scenarios", "source_case_id in (:cases)", "title", "summary", "body"));
    }

    @Override
    public List<String> auditSubjects(Subject subject) {
        List<String> subjects = new ArrayList<>(auditSubjects("review:", "select id from quality_reviews where case_id in (:cases)", subject));
        subjects.addAll(auditSubjects("scenario:", "select id from training_scenarios where source_case_id in (:cases)", subject));
        return subjects;
    }
}
