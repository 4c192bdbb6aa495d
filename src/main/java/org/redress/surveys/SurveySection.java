package org.redress.surveys;

import java.util.List;

import org.redress.customers.Erasure;
import org.redress.customers.TableSection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The customer's survey invitations and answers, and whether they stopped surveys, for their data export. */
@Component
class SurveySection extends TableSection {

    SurveySection(JdbcClient jdbc) {
        super(jdbc, "surveys",
            "invitations", "select i.id, i.survey_id, s.name survey, i.case_id, i.sent_to, i.sent_at, i.expires_at, i.answered_at, i.score,"
                + " i.comment, i.negative, i.opened_case_id from survey_invitations i join surveys s on s.id = i.survey_id"
                + " where i.customer_id = :customer order by i.id",
            "contact", "select * from survey_contacts where customer_id = :customer");
    }

    @Override
    protected List<Erasure> erasures() {
        return List.of(
            // Scores stay (they are counted); the address, the words and the link go.
            Erasure.sql("update survey_invitations set sent_to = :erased, token_hash = concat('erased-', cast(id as varchar(20))), comment = case when comment is null then null else :erased end where customer_id = :customer"),
            Erasure.sql("delete from survey_contacts where customer_id = :customer"));
    }
}
