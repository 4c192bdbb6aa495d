package org.redress.surveys;

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
}
