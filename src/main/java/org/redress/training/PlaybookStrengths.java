package org.redress.training;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * How one person does on each playbook step, from the reviews of their own cases (calibration
 * scores left out): the share of each scorecard item met (partly counts half), weakest first.
 */
@Component
public class PlaybookStrengths {

    @Schema(name = "PlaybookStepScore", description = "How often one playbook step was done, in reviews of one person's cases.")
    public record Step(@Schema(description = "Scorecard item code.") String code,
                @Schema(description = "Its name.") String label,
                @Schema(description = "Share met, in percent (partly counts half).") int percent,
                @Schema(description = "Reviews that rated it.") int reviews) {}

    private final JdbcClient jdbc;

    PlaybookStrengths(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Step> of(long agentId, Instant since) {
        return jdbc.sql("select r.item_code, max(i.label) label, avg(case r.rating when 'MET' then 100.0 when 'PARTLY' then 50.0 else 0.0 end) pct,"
                + " count(*) reviews from quality_review_ratings r join quality_reviews q on q.id = r.review_id"
                + " join quality_scorecard_items i on i.scorecard_version = q.scorecard_version and i.code = r.item_code"
                + " where q.agent_id = ? and q.calibration_id is null and q.submitted_at >= ? and r.rating <> 'NOT_APPLICABLE'"
                + " group by r.item_code order by pct, r.item_code")
            .params(agentId, Timestamp.from(since))
            .query((rs, n) -> new Step(rs.getString("item_code"), rs.getString("label"), (int) Math.round(rs.getDouble("pct")),
                rs.getInt("reviews")))
            .list();
    }

    /** The person's reviews since then: how many, and their mean score (none when there are none). */
    public record Reviews(int count, @org.jspecify.annotations.Nullable Integer meanScore) {}

    Reviews reviews(long agentId, Instant since) {
        return jdbc.sql("select count(*) n, avg(score) mean from quality_reviews where agent_id = ? and calibration_id is null"
                + " and submitted_at >= ? and score is not null")
            .params(agentId, Timestamp.from(since))
            .query((rs, n) -> new Reviews(rs.getInt("n"), rs.getObject("mean") == null ? null : (int) Math.round(rs.getDouble("mean"))))
            .single();
    }
}
