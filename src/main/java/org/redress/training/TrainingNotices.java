package org.redress.training;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.redress.audit.AuditTrail;
import org.redress.cases.CaseAccess;
import org.redress.identity.RedressUser;
import org.redress.identity.UserSummary;
import org.redress.notifications.AlertInbox;
import org.redress.shared.Actor;
import org.springframework.stereotype.Component;

/**
 * What training tells others, in the caller's transaction: the agent is alerted to a new
 * review, the reviewer to a dispute, a person to a certification earned, ending soon or ended
 * (and their leads too); every step is audited. Also the time and the reader's case scope the
 * reviews are read with.
 */
@Component
class TrainingNotices {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final AlertInbox alerts;
    private final AuditTrail audit;
    private final CaseAccess access;
    private final Clock clock;
    private final ZoneId zone;

    TrainingNotices(AlertInbox alerts, AuditTrail audit, CaseAccess access, Clock clock, ZoneId businessZone) {
        this.alerts = alerts;
        this.audit = audit;
        this.access = access;
        this.clock = clock;
        this.zone = businessZone;
    }

    Instant now() {
        return clock.instant();
    }

    /** Today in the business time zone, as the Insights periods count days. */
    LocalDate today() {
        return clock.instant().atZone(zone).toLocalDate();
    }

    String scope(RedressUser reader, String caseIdColumn) {
        return access.scopeOf(reader.actor()).sql(caseIdColumn);
    }

    String day(Instant at) {
        return at.atZone(zone).format(DAY);
    }

    void submitted(RedressUser reviewer, QualityReview review) {
        String score = review.score() == null ? "no item applied" : review.score() + "%";
        audit.record(reviewer.actor(), review.calibrationId() == null ? "quality.review-submitted" : "quality.calibration-scored",
            "review:" + review.id(), review.caseNumber() + ", " + review.agentName() + ": " + score);
        if (review.answerBy() != null) {
            alerts.raise(List.of(review.agentId()), review.caseId(), "quality.review", reviewer.name() + " reviewed your work on "
                + review.caseNumber() + ": " + score + ". Acknowledge it or dispute it by " + day(review.answerBy()) + ".");
        }
    }

    void calibrationOpened(RedressUser by, long id, String caseNumber) {
        audit.record(by.actor(), "quality.calibration-opened", "calibration:" + id, caseNumber);
    }

    void answered(RedressUser agent, QualityReview review) {
        boolean disputed = review.state() == QualityReview.State.DISPUTED;
        audit.record(agent.actor(), disputed ? "quality.review-disputed" : "quality.review-acknowledged", "review:" + review.id(),
            review.answer());
        if (disputed) {
            alerts.raise(List.of(review.reviewerId()), review.caseId(), "quality.review-disputed", agent.name()
                + " disputes your review of " + review.caseNumber() + ": " + review.answer());
        }
    }

    void scenario(RedressUser by, long id, String what) {
        audit.record(by.actor(), "training.scenario", "scenario:" + id, what);
    }

    void defined(RedressUser by, String code, String rule) {
        audit.record(by.actor(), "training.certification-set", "certification:" + code, rule);
    }

    void certified(Actor by, UserSummary person, String certification, String authority, Instant until) {
        audit.record(by, "training.certified", "user:" + person.id(), certification + " until " + day(until) + ": " + authority);
        alerts.raise(List.of(person.id()), null, "training.certified", "You are certified: " + certification + ". " + authority
            + " until " + day(until) + ".");
    }

    void endingSoon(UserSummary person, List<Long> leads, String certification, Instant until) {
        audit.record(Actor.SYSTEM, "training.certification-ending", "user:" + person.id(), certification + " ends " + day(until));
        alerts.raise(List.of(person.id()), null, "training.certification-ending", "Your certification " + certification + " ends on "
            + day(until) + ": your remedy authority drops back then. Pass its quiz again to renew it.");
        alerts.raise(leads, null, "training.certification-ending", person.name() + "'s certification " + certification + " ends on "
            + day(until) + ".");
    }

    void lapsed(UserSummary person, List<Long> leads, String certification) {
        audit.record(Actor.SYSTEM, "training.certification-lapsed", "user:" + person.id(), certification
            + ": remedy authority back to the matrix");
        alerts.raise(List.of(person.id()), null, "training.certification-lapsed", "Your certification " + certification
            + " has ended: your remedy authority is back to your usual limits.");
        alerts.raise(leads, null, "training.certification-lapsed", person.name() + "'s certification " + certification + " has ended.");
    }
}
