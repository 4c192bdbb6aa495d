package org.redress.surveys;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.redress.cases.CaseCategories;
import org.redress.cases.CaseManagement;
import org.redress.cases.CaseStatus;
import org.redress.cases.CaseView;
import org.redress.cases.Intake;
import org.redress.cases.PlaybookStep;
import org.redress.customers.CustomerDetails;
import org.redress.customers.CustomerManagement;
import org.redress.customers.CustomerView;
import org.redress.links.RandomToken;
import org.redress.shared.Actor;
import org.redress.shared.Conflict;
import org.redress.shared.InvalidInput;
import org.redress.shared.NotFound;
import org.redress.shared.Text;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's answer, taken once. A low score or a clearly negative comment on an event
 * survey opens a recovery case (channel survey) with the comment as the customer's own
 * words. A recovery survey's answer is the case's follow-up: satisfied closes the loop,
 * not satisfied sends the case back to agree a new resolution (or reopens it if closed).
 */
@Service
@Transactional
class SurveyAnswers {

    static final int MAX_COMMENT = 5_000;

    /** An invitation as its page shows it. */
    record Invitation(long id, Survey survey, long customerId, @Nullable Long caseId, Instant expiresAt,
                      @Nullable Instant answeredAt, @Nullable Integer score, @Nullable String comment,
                      @Nullable Long openedCaseId) {}

    private final SurveyDefinitions surveys;
    private final CustomerManagement customers;
    private final CaseManagement cases;
    private final Intake intake;
    private final CaseCategories categories;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SurveyAnswers(SurveyDefinitions surveys, CustomerManagement customers, CaseManagement cases, Intake intake,
                  CaseCategories categories, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.categories = categories;
        this.surveys = surveys;
        this.customers = customers;
        this.cases = cases;
        this.intake = intake;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** The invitation the link opens, if it is genuine and not expired. */
    @Transactional(readOnly = true)
    Optional<Invitation> open(String token) {
        return find(token).filter(invitation -> invitation.expiresAt().isAfter(clock.instant()));
    }

    /** The invitation of a genuine link, expired or not: asking for no more surveys never expires. */
    @Transactional(readOnly = true)
    Optional<Invitation> find(String token) {
        if (!RandomToken.SURVEY.wellFormed(token)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select id, survey_id, customer_id, case_id, expires_at, answered_at, score, comment, opened_case_id
                from survey_invitations where token_hash = ?""")
            .param(RandomToken.SURVEY.hashHex(token))
            .query((rs, n) -> new Invitation(rs.getLong("id"), surveys.get(rs.getLong("survey_id")), rs.getLong("customer_id"),
                rs.getObject("case_id", Long.class), rs.getTimestamp("expires_at").toInstant(),
                rs.getTimestamp("answered_at") == null ? null : rs.getTimestamp("answered_at").toInstant(),
                rs.getObject("score", Integer.class), rs.getString("comment"), rs.getObject("opened_case_id", Long.class)))
            .optional();
    }

    /** Records the answer; returns the case it opened, if any. */
    Optional<Long> answer(String token, @Nullable Integer score, @Nullable String comment) {
        Invitation invitation = open(token).orElseThrow(() -> new NotFound("This survey link is not valid or has expired."));
        Survey survey = invitation.survey();
        String words = Text.optional("comment", comment, MAX_COMMENT);
        words = words == null || words.isBlank() ? null : words;
        check(survey.kind(), score, words);
        Instant now = clock.instant();
        // A top score with harsh words is about something else ("awful weather, perfect delivery").
        boolean negative = (score == null || score < survey.kind().max()) && CommentSentiment.isClearlyNegative(words);
        int taken = jdbc.sql("""
                update survey_invitations set answered_at = ?, score = ?, comment = ?, negative = ?
                where id = ? and answered_at is null""")
            .params(Timestamp.from(now), score, words, negative, invitation.id()).update();
        if (taken == 0) {
            throw new Conflict("This survey has already been answered. Thank you!");
        }
        boolean low = survey.isLow(score);
        Long opened = null;
        if (invitation.caseId() != null) {
            followUp(invitation.caseId(), survey, score, words, low || negative);
        } else if (low || negative) {
            opened = openCase(invitation, survey, score, words);
            jdbc.sql("update survey_invitations set opened_case_id = ? where id = ?").params(opened, invitation.id()).update();
        }
        events.publishEvent(new SurveyAnswered(survey.id(), invitation.id(), invitation.customerId(), survey.kind(), score,
            words, low, negative, invitation.caseId(), now));
        return Optional.ofNullable(opened);
    }

    private long openCase(Invitation invitation, Survey survey, @Nullable Integer score, @Nullable String words) {
        CustomerView customer = customers.get(invitation.customerId());
        String scored = score == null ? "comment" : score + " of " + survey.kind().max();
        String subject = clip("Survey answer (" + scored + "): " + survey.question(), 200);
        String message = words != null ? words : "(No comment. The customer answered " + scored + " to \"" + survey.question() + "\".)";
        int severity = score != null && score == survey.kind().min() ? 2 : 3;
        return intake.receive(new Intake.Complaint(
                CustomerDetails.of(customer.externalRef(), customer.name(), customer.email(), customer.phone()),
                "survey", categories.activeOr(survey.category()), severity, subject, message),
            "survey-answer-" + invitation.id(), Actor.SYSTEM).recoveryCase().id();
    }

    // The recovery survey is the follow-up, when the case is waiting for one; otherwise it is noted.
    private void followUp(long caseId, Survey survey, @Nullable Integer score, @Nullable String words, boolean unhappy) {
        CaseView c = cases.view(caseId);
        String said = (score == null ? "" : score + " of " + survey.kind().max()) + (words == null ? "" : (score == null ? "" : ", ")
            + "\"" + clip(words, 500) + "\"");
        Actor customer = new Actor(null, "The customer, by survey");
        boolean awaitingFollowUp = c.status() == CaseStatus.FULFILLED && c.steps().stream()
            .anyMatch(s -> s.step() == PlaybookStep.FOLLOW_UP && !s.done() && s.available());
        if (awaitingFollowUp) {
            Integer satisfaction = survey.kind() == SurveyKind.CSAT ? score : null;
            cases.followUp(caseId, customer, !unhappy, satisfaction, "Recovery survey: " + said);
        } else if (c.status() == CaseStatus.CLOSED && unhappy) {
            cases.reopen(caseId, customer, "The customer's recovery survey says it is not put right: " + said);
        } else {
            cases.recordOnTimeline(caseId, "survey.answered", "Recovery survey answered: " + said);
        }
    }

    private static void check(SurveyKind kind, @Nullable Integer score, @Nullable String words) {
        if (kind.scored()) {
            if (score == null) {
                throw InvalidInput.field("score", "Please choose a score from " + kind.min() + " to " + kind.max() + ".");
            }
            if (score < kind.min() || score > kind.max()) {
                throw InvalidInput.field("score", "must be from " + kind.min() + " to " + kind.max() + ", not " + score);
            }
        } else if (score != null) {
            throw InvalidInput.field("score", "is not asked in this survey; write your answer instead");
        } else if (words == null) {
            throw InvalidInput.field("comment", "Please write your answer.");
        }
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
