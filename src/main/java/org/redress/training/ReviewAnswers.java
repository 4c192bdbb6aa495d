package org.redress.training;

import org.jspecify.annotations.Nullable;
import org.redress.identity.RedressUser;
import org.redress.shared.Conflict;
import org.redress.shared.Forbidden;
import org.redress.shared.NotFound;
import org.redress.shared.Text;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agent's answer to a review of their work: they acknowledge it (with a note, if they
 * like) or dispute it, saying why, once and before the window closes; a dispute alerts the
 * reviewer.
 */
@Service
@Transactional
public class ReviewAnswers {

    private final ReviewStore store;
    private final TrainingNotices notices;

    ReviewAnswers(ReviewStore store, TrainingNotices notices) {
        this.store = store;
        this.notices = notices;
    }

    public QualityReview acknowledge(RedressUser agent, long id, @Nullable String note) {
        return answer(agent, id, QualityReview.State.ACKNOWLEDGED, Text.optional("note", note, QualityReviews.MAX_TEXT));
    }

    public QualityReview dispute(RedressUser agent, long id, @Nullable String reason) {
        return answer(agent, id, QualityReview.State.DISPUTED, Text.required("reason", reason, QualityReviews.MAX_TEXT));
    }

    /** Whether the reader is the agent and may still answer: the console shows the forms only then. */
    public boolean mayAnswer(RedressUser reader, QualityReview review) {
        return review.agentId() == reader.id() && review.state() == QualityReview.State.SUBMITTED && review.answerBy() != null
            && !notices.now().isAfter(review.answerBy());
    }

    private QualityReview answer(RedressUser agent, long id, QualityReview.State state, @Nullable String text) {
        QualityReview review = store.find(id).filter(r -> r.state() != QualityReview.State.CALIBRATION)
            .orElseThrow(() -> new NotFound("There is no review " + id + "."));
        if (review.agentId() != agent.id()) {
            throw new Forbidden("Only " + review.agentName() + ", whose work it reviews, answers this review.");
        }
        if (review.state() != QualityReview.State.SUBMITTED) {
            throw new Conflict("You already answered this review (" + review.state().name().toLowerCase(java.util.Locale.ROOT) + ").");
        }
        if (review.answerBy() != null && notices.now().isAfter(review.answerBy())) {
            throw new Conflict("The time to answer this review ended on " + notices.day(review.answerBy())
                + "; talk to " + review.reviewerName() + " instead.");
        }
        if (!store.answer(id, state, text, notices.now())) {
            throw new Conflict("You already answered this review.");
        }
        QualityReview answered = store.get(id);
        notices.answered(agent, answered);
        return answered;
    }
}
