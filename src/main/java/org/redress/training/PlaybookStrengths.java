package org.redress.training;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * How people do on each playbook step, from the reviews of their own cases (calibration scores
 * left out): the share of each scorecard item met (partly counts half), weakest first; and how
 * many reviews they had, with the mean score. Read for many people at once, one query each.
 */
@Component
public class PlaybookStrengths {

    @Schema(name = "PlaybookStepScore", description = "How often one playbook step was done, in reviews of one person's cases.")
    public record Step(@Schema(description = "Scorecard item code.") String code,
                       @Schema(description = "Its name.") String label,
                       @Schema(description = "Share met, in percent (partly counts half).") int percent,
                       @Schema(description = "Reviews that rated it.") int reviews) {}

    /** A person's reviews since then: how many, and their mean score (none when there are none). */
    public record Reviews(int count, @Nullable Integer meanScore) {

        static final Reviews NONE = new Reviews(0, null);
    }

    private final JdbcClient jdbc;

    PlaybookStrengths(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Step> of(long agentId, Instant since) {
        return ofEach(List.of(agentId), since).getOrDefault(agentId, List.of());
    }

    Reviews reviews(long agentId, Instant since) {
        return reviewsOfEach(List.of(agentId), since).getOrDefault(agentId, Reviews.NONE);
    }

    /** Per person, each step weakest first. */
    Map<Long, List<Step>> ofEach(Collection<Long> agentIds, Instant since) {
        Map<Long, List<Step>> steps = new HashMap<>();
        if (agentIds.isEmpty()) {
            return steps;
        }
        jdbc.sql("select q.agent_id, r.item_code, max(i.label) label,"
                + " avg(case r.rating when 'MET' then 100.0 when 'PARTLY' then 50.0 else 0.0 end) pct, count(*) reviews"
                + " from quality_review_ratings r join quality_reviews q on q.id = r.review_id"
                + " join quality_scorecard_items i on i.scorecard_version = q.scorecard_version and i.code = r.item_code"
                + " where q.agent_id in (:agents) and q.calibration_id is null and q.submitted_at >= :since and r.rating <> 'NOT_APPLICABLE'"
                + " group by q.agent_id, r.item_code order by q.agent_id, pct, r.item_code")
            .param("agents", agentIds).param("since", Timestamp.from(since))
            .query(rs -> {
                steps.computeIfAbsent(rs.getLong("agent_id"), id -> new ArrayList<>()).add(new Step(rs.getString("item_code"),
                    rs.getString("label"), (int) Math.round(rs.getDouble("pct")), rs.getInt("reviews")));
            });
        return steps;
    }

    /** Per person with reviews, how many and their mean. */
    Map<Long, Reviews> reviewsOfEach(Collection<Long> agentIds, Instant since) {
        Map<Long, Reviews> reviews = new HashMap<>();
        if (agentIds.isEmpty()) {
            return reviews;
        }
        jdbc.sql("select agent_id, count(*) n, avg(score) mean from quality_reviews where agent_id in (:agents)"
                + " and calibration_id is null and submitted_at >= :since and score is not null group by agent_id")
            .param("agents", agentIds).param("since", Timestamp.from(since))
            .query(rs -> {
                reviews.put(rs.getLong("agent_id"), new Reviews(rs.getInt("n"), (int) Math.round(rs.getDouble("mean"))));
            });
        return reviews;
    }
}
