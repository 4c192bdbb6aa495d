package org.redress.surveys;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

import org.redress.cases.CaseAccess;
import org.redress.cases.CaseManagement;
import org.redress.cases.CaseView;
import org.redress.cases.PlaybookStep;
import org.redress.shared.Actor;
import org.redress.shared.Conflict;
import org.redress.sla.FollowUpDue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The recovery survey: asks the customer of a case how well we put it right, when its
 * follow-up falls due or when an agent sends it; the answer becomes the follow-up
 * ({@link SurveyAnswers}). When it falls due it runs inside the SLA sweep's transaction,
 * in a savepoint of its own: a survey that cannot be sent must never stop the timers.
 */
@Service
@Transactional
class RecoverySurveys {

    private static final Logger log = LoggerFactory.getLogger(RecoverySurveys.class);

    private final SurveyDefinitions surveys;
    private final SurveyInvitations invitations;
    private final CaseManagement cases;
    private final CaseAccess access;
    private final TransactionTemplate savepoint;
    private final Clock clock;

    RecoverySurveys(SurveyDefinitions surveys, SurveyInvitations invitations, CaseManagement cases, CaseAccess access,
                    PlatformTransactionManager transactions, Clock clock) {
        this.surveys = surveys;
        this.invitations = invitations;
        this.cases = cases;
        this.access = access;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
    }

    @EventListener
    void on(FollowUpDue due) {
        try {
            savepoint.executeWithoutResult(status -> surveys.recoverySurvey().ifPresent(survey -> {
                CaseView c = cases.view(due.caseId());
                // One survey per round of recovery: the fulfilment's time tells the rounds apart.
                Instant fulfilled = c.steps().stream().filter(s -> s.step() == PlaybookStep.FULFIL).map(CaseView.StepState::doneAt)
                    .filter(Objects::nonNull).findFirst().orElse(Instant.EPOCH);
                invitations.invite(survey, c.customer().id(), c.id(), "follow-up:" + c.id() + ":" + fulfilled.toEpochMilli(), false);
            }));
        } catch (TransientDataAccessException passing) {
            throw passing;
        } catch (RuntimeException e) {
            log.warn("The recovery survey for case {} was not sent: {}", due.caseId(), e.toString());
        }
    }

    /**
     * Whether the customer can be asked how we did: the recovery survey asks about a
     * delivered resolution, so from fulfilment until the follow-up is recorded.
     */
    @Transactional(readOnly = true)
    boolean askable(long caseId) {
        return askable(cases.view(caseId));
    }

    private static boolean askable(CaseView c) {
        return c.step(PlaybookStep.FULFIL).done() && !c.step(PlaybookStep.FOLLOW_UP).done();
    }

    /** Someone who may act on the case sends its recovery survey now. */
    void send(long caseId, Actor by) {
        access.require(caseId, by, "survey.sent");
        Survey survey = surveys.recoverySurvey().orElseThrow(() -> new Conflict(
            "There is no active recovery survey; a lead can create one under Surveys."));
        CaseView c = cases.view(caseId);
        if (!askable(c)) {
            throw new Conflict(c.step(PlaybookStep.FOLLOW_UP).done()
                ? "The follow-up of " + c.number() + " is recorded already; the recovery survey asks for it."
                : "Ask the customer of " + c.number() + " how we did once the resolution is delivered (Fulfil): the "
                    + "recovery survey asks about the recovery.");
        }
        if (c.customer().email() == null) {
            throw new Conflict("The customer of " + c.number() + " has no email address to send the survey to.");
        }
        SurveyInvitations.Outcome outcome = invitations.invite(survey, c.customer().id(), c.id(),
            "agent:" + c.id() + ":" + clock.instant().toEpochMilli(), false);
        if (outcome == SurveyInvitations.Outcome.OPTED_OUT) {
            throw new Conflict("The customer of " + c.number() + " asked not to get surveys; ask them yourself instead.");
        }
        if (outcome != SurveyInvitations.Outcome.INVITED) {
            throw new Conflict("The survey was not sent (" + outcome + ").");
        }
    }
}
