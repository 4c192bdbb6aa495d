package org.redress.training;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.redress.audit.AuditTrail;
import org.redress.cases.CaseAccess;
import org.redress.identity.RedressUser;
import org.redress.notifications.AlertInbox;
import org.springframework.stereotype.Component;

/**
 * What a review tells others, in the caller's transaction: the agent is alerted to a new
 * review, the reviewer to a dispute; every step is audited. Also the time and the reader's
 * case scope the reviews are read with.
 */
@Component
class ReviewNotices {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final AlertInbox alerts;
    private final AuditTrail audit;
    private final CaseAccess access;
    private final Clock clock;
    private final ZoneId zone;

    ReviewNotices(AlertInbox alerts, AuditTrail audit, CaseAccess access, Clock clock, ZoneId businessZone) {
        this.alerts = alerts;
        this.audit = audit;
        this.access = access;
        this.clock = clock;
        this.zone = businessZone;
    }

    Instant now() {
        return clock.instant();
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
}
