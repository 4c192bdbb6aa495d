package org.redress.training;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.redress.cases.CaseView;
import org.redress.identity.RedressUser;
import org.redress.identity.UserManagement;
import org.redress.identity.UserSummary;
import org.redress.shared.Checks;
import org.redress.shared.Conflict;
import org.redress.shared.Forbidden;
import org.redress.shared.InvalidInput;
import org.redress.shared.NotFound;
import org.redress.shared.Text;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reviewing an agent's work on a case: a lead, manager or admin who may open the case scores
 * it on the current scorecard (or a calibration session's), starting from what the case's
 * record suggests; items not rated take the suggestion. The agent is alerted and has a window
 * to acknowledge or dispute it ({@link ReviewAnswers}). Agents see their own reviews.
 */
@Service
@Transactional
public class QualityReviews {

    static final int MAX_TEXT = 10_000;

    // A calibration score stays hidden from reviewers until they have scored in its session themselves (or opened it).
    private static final String CALIBRATION_VISIBLE = " and (r.calibration_id is null"
        + " or exists (select 1 from quality_reviews m where m.calibration_id = r.calibration_id and m.reviewer_id = :me)"
        + " or exists (select 1 from quality_calibrations s where s.id = r.calibration_id and s.opened_by_id = :me))";

    private final ReviewStore store;
    private final Scorecards scorecards;
    private final CaseEvidence evidence;
    private final UserManagement users;
    private final TrainingNotices notices;
    private final Certifications certifications;
    private final Duration answerWindow;

    QualityReviews(ReviewStore store, Scorecards scorecards, CaseEvidence evidence, UserManagement users, TrainingNotices notices,
                   Certifications certifications, @Value("${redress.training.answer-days:7}") int answerDays) {
        this.certifications = certifications;
        this.store = store;
        this.scorecards = scorecards;
        this.evidence = evidence;
        this.users = users;
        this.notices = notices;
        this.answerWindow = Duration.ofDays(answerDays);
    }

    /** The current scorecard with the ratings the case's record suggests. */
    @Transactional(readOnly = true)
    public ReviewDraft draft(RedressUser reviewer, long caseId) {
        return draft(reviewer, caseId, scorecards.current());
    }

    /** Refuses unless the person reviews cases and may open this one. */
    void requireMayReview(RedressUser reviewer, long caseId) {
        requireReviewer(reviewer);
        evidence.requireAccess(reviewer, caseId);
    }

    ReviewDraft draft(RedressUser reviewer, long caseId, Scorecard scorecard) {
        requireReviewer(reviewer);
        return evidence.draft(reviewer, caseId, scorecard);
    }

    /** One item's rating as the reviewer gives it. */
    public record Given(@Nullable String rating, @Nullable String note) {}

    public QualityReview submit(RedressUser reviewer, long caseId, @Nullable Long agentId, @Nullable Map<String, Given> given,
                                @Nullable String comment) {
        return submit(reviewer, caseId, agentId, given, comment, null, scorecards.current());
    }

    /** In a calibration session: scored on the session's scorecard, kept from the agent. */
    QualityReview submit(RedressUser reviewer, long caseId, @Nullable Long agentId, @Nullable Map<String, Given> given,
                         @Nullable String comment, @Nullable Long calibrationId, Scorecard scorecard) {
        requireReviewer(reviewer);
        CaseEvidence.Evidence found = evidence.of(reviewer, caseId);
        UserSummary agent = agent(found.view(), agentId);
        if (agent.id() == reviewer.id()) {
            throw InvalidInput.field("agentId", "is you: nobody reviews their own work");
        }
        Checks checks = new Checks();
        Map<String, Rating> suggested = new HashMap<>();
        found.suggestions().forEach((code, suggestion) -> suggested.put(code, suggestion.rating()));
        Map<String, Rating> ratings = new HashMap<>();
        Map<String, String> notes = new HashMap<>();
        Map<String, Given> sent = given == null ? Map.of() : given;
        sent.keySet().stream().filter(code -> !scorecard.has(code)).findFirst().ifPresent(code -> checks.check(() -> {
            throw InvalidInput.field("ratings." + code, "is not an item of scorecard version " + scorecard.version());
        }));
        for (ScorecardItem item : scorecard.items()) {
            Given one = sent.get(item.code());
            String field = "ratings." + item.code();
            Rating rating = one == null || one.rating() == null ? suggested.get(item.code())
                : checks.check(() -> Rating.parse(field, one.rating()));
            if (rating == null && (one == null || one.rating() == null)) {
                checks.check(() -> {
                    throw InvalidInput.field(field, "needs a rating: Redress has no suggestion for it");
                });
            }
            if (rating != null) {
                ratings.put(item.code(), rating);
            }
            String note = one == null ? null : checks.check(() -> Text.optional(field + ".note", one.note(), 2_000));
            if (note != null) {
                notes.put(item.code(), note);
            }
        }
        String said = checks.check(() -> Text.optional("comment", comment, MAX_TEXT));
        checks.verify();
        Instant now = notices.now();
        boolean calibrating = calibrationId != null;
        try {
            long id = store.insert(new ReviewStore.NewReview(caseId, agent.id(), agent.name(), reviewer.id(), reviewer.name(),
                scorecard, calibrationId, ratings, suggested, notes, said,
                calibrating ? QualityReview.State.CALIBRATION : QualityReview.State.SUBMITTED, now,
                calibrating ? null : now.plus(answerWindow)));
            QualityReview review = store.get(id);
            notices.submitted(reviewer, review);
            if (!calibrating) {
                // A good review may be the last thing a certification waited for.
                certifications.consider(reviewer.actor(), review.agentId());
            }
            return review;
        } catch (DuplicateKeyException again) {
            throw new Conflict("You have already scored this case in this session.");
        }
    }

    /** Reviews the reader may see: agents their own (not calibration scores), leads and above those of cases they may open. */
    @Transactional(readOnly = true)
    public List<QualityReview> list(RedressUser reader, @Nullable Long agentId, @Nullable String state, int limit) {
        requireLimit(limit, 500);
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(visibleTo(reader));
        params.put("me", reader.id());
        if (agentId != null) {
            where.append(" and r.agent_id = :agent");
            params.put("agent", agentId);
        }
        if (state != null && !state.isBlank()) {
            QualityReview.State wanted;
            try {
                wanted = QualityReview.State.valueOf(state.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw InvalidInput.field("state", "'" + state + "' is not submitted, acknowledged, disputed or calibration");
            }
            where.append(" and r.state = :state");
            params.put("state", wanted.name());
        } else if (reader.supervises()) {
            where.append(" and r.state <> 'CALIBRATION'");
        }
        return store.list(where.toString(), params, limit);
    }

    @Transactional(readOnly = true)
    public QualityReview one(RedressUser reader, long id) {
        return store.list("r.id = :id and " + visibleTo(reader), Map.of("id", id, "me", reader.id()), 1).stream().findFirst()
            .orElseThrow(() -> new NotFound("There is no review " + id + "."));
    }

    // Agents: their own reviews, not calibration scores; leads and above: reviews of cases they may open.
    private String visibleTo(RedressUser reader) {
        return reader.supervises() ? notices.scope(reader, "r.case_id") + CALIBRATION_VISIBLE
            : "r.agent_id = :me and r.state <> 'CALIBRATION'";
    }

    private UserSummary agent(CaseView c, @Nullable Long agentId) {
        Long wanted = agentId != null ? agentId : c.assignee() == null ? null : c.assignee().id();
        if (wanted == null) {
            throw InvalidInput.field("agentId", "is needed: " + c.number() + " is assigned to nobody, so say whose work it reviews");
        }
        return users.user(wanted).filter(user -> user.role().person())
            .orElseThrow(() -> InvalidInput.field("agentId", "there is no person " + wanted));
    }

    static void requireLimit(int limit, int most) {
        if (limit < 1 || limit > most) {
            throw InvalidInput.field("limit", "must be from 1 to " + most);
        }
    }

    static void requireReviewer(RedressUser user) {
        if (!user.supervises()) {
            throw new Forbidden("Only a lead, manager or admin reviews cases.");
        }
    }
}
