package org.redress.training;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.redress.cases.CaseNumber;
import org.redress.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** Reviews and their ratings in the database: written whole, read with their items' names. */
@Component
class ReviewStore {

    private static final String COLUMNS = """
        select r.id, r.case_id, r.agent_id, r.agent_name, r.reviewer_id, r.reviewer_name, r.scorecard_version, r.calibration_id,
               r.score, r.comment, r.state, r.submitted_at, r.answer_by, r.answered_at, r.answer
        from quality_reviews r""";

    private final JdbcClient jdbc;

    ReviewStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record NewReview(long caseId, long agentId, String agentName, long reviewerId, String reviewerName, Scorecard scorecard,
                     @Nullable Long calibrationId, Map<String, Rating> ratings, Map<String, Rating> suggested,
                     Map<String, String> notes, @Nullable String comment, QualityReview.State state, Instant at,
                     @Nullable Instant answerBy) {}

    long insert(NewReview review) {
        Double score = review.scorecard().score(review.ratings());
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into quality_reviews (case_id, agent_id, agent_name, reviewer_id, reviewer_name, scorecard_version,
                    calibration_id, score, comment, state, submitted_at, answer_by)
                values (:caseId, :agentId, :agentName, :reviewerId, :reviewerName, :version, :calibration, :score, :comment,
                    :state, :at, :answerBy)""")
            .param("caseId", review.caseId()).param("agentId", review.agentId()).param("agentName", review.agentName())
            .param("reviewerId", review.reviewerId()).param("reviewerName", review.reviewerName())
            .param("version", review.scorecard().version()).param("calibration", review.calibrationId())
            .param("score", score == null ? null : BigDecimal.valueOf(score)).param("comment", review.comment())
            .param("state", review.state().name()).param("at", Timestamp.from(review.at()))
            .param("answerBy", review.answerBy() == null ? null : Timestamp.from(review.answerBy()))
            .update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        for (ScorecardItem item : review.scorecard().items()) {
            Rating suggested = review.suggested().get(item.code());
            jdbc.sql("insert into quality_review_ratings (review_id, item_code, rating, suggested, note) values (?, ?, ?, ?, ?)")
                .params(id, item.code(), review.ratings().get(item.code()).name(), suggested == null ? null : suggested.name(),
                    review.notes().get(item.code()))
                .update();
        }
        return id;
    }

    QualityReview get(long id) {
        return find(id).orElseThrow(() -> new NotFound("There is no review " + id + "."));
    }

    Optional<QualityReview> find(long id) {
        return withRatings(jdbc.sql(COLUMNS + " where r.id = ?").param(id).query(ReviewStore::row).list()).stream().findFirst();
    }

    /** Newest first; {@code where} is a condition on {@code r}, its values given by name. */
    List<QualityReview> list(String where, Map<String, ?> params, int limit) {
        return withRatings(jdbc.sql(COLUMNS + " where " + where + " order by r.submitted_at desc, r.id desc limit :limit")
            .params(params).param("limit", limit).query(ReviewStore::row).list());
    }

    /** Records the agent's answer, if the review still waits for one; false when someone answered first. */
    boolean answer(long id, QualityReview.State state, @Nullable String answer, Instant at) {
        return jdbc.sql("update quality_reviews set state = ?, answer = ?, answered_at = ? where id = ? and state = 'SUBMITTED'")
            .params(state.name(), answer, Timestamp.from(at), id).update() == 1;
    }

    private List<QualityReview> withRatings(List<QualityReview> reviews) {
        if (reviews.isEmpty()) {
            return reviews;
        }
        Map<Long, List<QualityReview.ItemRating>> ratings = new LinkedHashMap<>();
        jdbc.sql("""
                select q.review_id, q.item_code, i.label, i.weight, q.rating, q.suggested, q.note
                from quality_review_ratings q
                join quality_reviews r on r.id = q.review_id
                join quality_scorecard_items i on i.scorecard_version = r.scorecard_version and i.code = q.item_code
                where q.review_id in (:ids) order by q.review_id, i.position""")
            .param("ids", reviews.stream().map(QualityReview::id).toList())
            .query(rs -> {
                String suggested = rs.getString("suggested");
                ratings.computeIfAbsent(rs.getLong("review_id"), id -> new ArrayList<>()).add(new QualityReview.ItemRating(
                    rs.getString("item_code"), rs.getString("label"), rs.getInt("weight"), Rating.valueOf(rs.getString("rating")),
                    suggested == null ? null : Rating.valueOf(suggested), rs.getString("note")));
            });
        return reviews.stream().map(r -> new QualityReview(r.id(), r.caseId(), r.caseNumber(), r.agentId(), r.agentName(),
            r.reviewerId(), r.reviewerName(), r.scorecardVersion(), r.calibrationId(), r.score(), r.comment(), r.state(),
            r.submittedAt(), r.answerBy(), r.answeredAt(), r.answer(), ratings.getOrDefault(r.id(), List.of()))).toList();
    }

    private static QualityReview row(ResultSet rs, int n) throws SQLException {
        BigDecimal score = rs.getBigDecimal("score");
        return new QualityReview(rs.getLong("id"), rs.getLong("case_id"), CaseNumber.format(rs.getLong("case_id")),
            rs.getLong("agent_id"), rs.getString("agent_name"), rs.getLong("reviewer_id"), rs.getString("reviewer_name"),
            rs.getInt("scorecard_version"), rs.getObject("calibration_id", Long.class), score == null ? null : score.doubleValue(),
            rs.getString("comment"), QualityReview.State.valueOf(rs.getString("state")), instant(rs, "submitted_at"),
            instant(rs, "answer_by"), instant(rs, "answered_at"), rs.getString("answer"), List.of());
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
