package org.redress.surveys;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.redress.cases.CaseManagement;
import org.redress.cases.CaseSearch;
import org.redress.communications.CustomerNotices;
import org.redress.communications.Purpose;
import org.redress.customers.CustomerManagement;
import org.redress.customers.CustomerView;
import org.redress.links.RandomToken;
import org.redress.signals.SignalReceived;
import org.redress.signals.SignalsReceived;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is invited, and when. After a business event: each active survey it triggers
 * invites the customer if the event is recent, in the survey's sample, the customer has
 * an email address, has not asked for no more surveys, has no open recovery case (asking
 * "how did we do?" in the middle of a complaint would be tone-deaf) and was not invited
 * by any survey within the quiet period. (After a recovery, see {@link RecoverySurveys}.)
 * Each invitation is decided under a lock on the customer's contact row, so two nodes
 * never both invite one customer, and an event processed twice invites once (one
 * invitation per survey and trigger).
 */
@Service
@Transactional
class SurveyInvitations {

    /** What was decided for one survey and one trigger. */
    enum Outcome { INVITED, QUIET, OPTED_OUT, NO_EMAIL, IN_RECOVERY, ALREADY }

    private final SurveyDefinitions surveys;
    private final CustomerManagement customers;
    private final CaseManagement cases;
    private final CaseSearch search;
    private final CustomerNotices notices;
    private final JdbcClient jdbc;
    private final SurveySettings settings;
    private final Clock clock;

    SurveyInvitations(SurveyDefinitions surveys, CustomerManagement customers, CaseManagement cases, CaseSearch search,
                      CustomerNotices notices, JdbcClient jdbc, SurveySettings settings, Clock clock) {
        this.search = search;
        this.surveys = surveys;
        this.customers = customers;
        this.cases = cases;
        this.notices = notices;
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    // The surveys that events trigger are read once for a whole batch of events.
    @EventListener
    void on(SignalsReceived received) {
        List<Survey> afterEvents = surveys.afterEvents();
        if (afterEvents.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        for (SignalReceived signal : received.signals()) {
            boolean recent = !signal.occurredAt().isBefore(now.minus(settings.maxEventAge()));
            for (Survey survey : afterEvents) {
                if (recent && survey.triggerEvents().contains(signal.type())
                        && SurveySample.sampled(signal.eventId(), survey.id(), survey.samplePercent())) {
                    invite(survey, signal.customerId(), null, "event:" + signal.eventId(), true);
                }
            }
        }
    }

    /** The customer asked for no more surveys: none is sent to them again, by any rule or agent. */
    void optOut(long customerId) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("insert into survey_contacts (customer_id, last_invited_at) values (?, ?) on conflict do nothing")
            .params(customerId, Timestamp.from(Instant.EPOCH)).update();
        jdbc.sql("update survey_contacts set opted_out_at = ? where customer_id = ? and opted_out_at is null")
            .params(now, customerId).update();
    }

    /**
     * Invites the customer unless they were invited within the quiet period (when it
     * applies). The contact row is locked first: concurrent decisions for one customer
     * take turns.
     */
    Outcome invite(Survey survey, long customerId, @Nullable Long caseId, String triggerKey, boolean quietApplies) {
        Instant now = clock.instant();
        jdbc.sql("insert into survey_contacts (customer_id, last_invited_at) values (?, ?) on conflict do nothing")
            .params(customerId, Timestamp.from(Instant.EPOCH)).update();
        record Contact(Instant lastInvitedAt, boolean optedOut) {}
        Contact contact = jdbc.sql("select last_invited_at, opted_out_at from survey_contacts where customer_id = ? for update")
            .param(customerId)
            .query((rs, n) -> new Contact(rs.getTimestamp("last_invited_at").toInstant(), rs.getTimestamp("opted_out_at") != null))
            .single();
        Instant last = contact.lastInvitedAt();
        if (contact.optedOut()) {
            return Outcome.OPTED_OUT;
        }
        if (quietApplies && last.isAfter(now.minus(Duration.ofDays(survey.quietDays())))) {
            return Outcome.QUIET;
        }
        if (caseId == null && search.hasOpenCase(customerId)) {
            return Outcome.IN_RECOVERY;
        }
        if (jdbc.sql("select count(*) from survey_invitations where survey_id = ? and trigger_key = ?")
            .params(survey.id(), triggerKey).query(Long.class).single() > 0) {
            return Outcome.ALREADY;
        }
        CustomerView customer = customers.get(customerId);
        if (customer.email() == null) {
            return Outcome.NO_EMAIL;
        }
        String token = RandomToken.SURVEY.mint();
        jdbc.sql("""
                insert into survey_invitations (survey_id, customer_id, case_id, trigger_key, token_hash, sent_to, sent_at, expires_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(survey.id(), customerId, caseId, triggerKey, RandomToken.SURVEY.hashHex(token), customer.email(),
                Timestamp.from(now), Timestamp.from(now.plus(settings.linkValidity())))
            .update();
        jdbc.sql("update survey_contacts set last_invited_at = ? where customer_id = ?").params(Timestamp.from(now), customerId).update();
        Map<String, String> values = Map.of("customer.name", customer.name() != null ? customer.name() : "customer",
            "customer.link", notices.publicLink("/s/" + token), "survey.question", survey.question(),
            "agent.name", settings.signature());
        notices.queue(Purpose.SURVEY_INVITATION, survey.language(),
            List.of(new CustomerNotices.Notice(customer.email(), values, caseId, now)), settings.signature());
        if (caseId != null) {
            cases.recordOnTimeline(caseId, "survey.sent", "Recovery survey sent to the customer: \"" + survey.question() + "\"");
        }
        return Outcome.INVITED;
    }
}
