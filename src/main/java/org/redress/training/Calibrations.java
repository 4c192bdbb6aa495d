package org.redress.training;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.redress.cases.CaseNumber;
import org.redress.identity.RedressUser;
import org.redress.shared.NotFound;
import org.redress.shared.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Calibration: a lead opens a session on a case, and several reviewers score it on the same
 * scorecard version, each once. Scores stay hidden from a reviewer until their own is in (so
 * nobody anchors on another's), and are never sent to the agent; then the session shows each
 * item's ratings side by side and how far they disagree.
 */
@Service
@Transactional
public class Calibrations {

    private final JdbcClient jdbc;
    private final ReviewStore store;
    private final QualityReviews reviews;
    private final Scorecards scorecards;
    private final TrainingNotices notices;

    Calibrations(JdbcClient jdbc, ReviewStore store, QualityReviews reviews, Scorecards scorecards, TrainingNotices notices) {
        this.jdbc = jdbc;
        this.store = store;
        this.reviews = reviews;
        this.scorecards = scorecards;
        this.notices = notices;
    }

    private record Session(long id, long caseId, int version, long openedById, String openedBy, java.time.Instant openedAt,
                           @Nullable String note) {}

    public Calibration open(RedressUser lead, long caseId, @Nullable String note) {
        reviews.requireMayReview(lead, caseId);
        String why = Text.optional("note", note, 2_000);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into quality_calibrations (case_id, scorecard_version, opened_at, opened_by_id, opened_by_name, note)
                values (?, ?, ?, ?, ?, ?)""")
            .params(caseId, scorecards.current().version(), Timestamp.from(notices.now()), lead.id(), lead.name(), why)
            .update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        notices.calibrationOpened(lead, id, CaseNumber.format(caseId));
        return show(lead, id);
    }

    public QualityReview score(RedressUser reviewer, long id, @Nullable Long agentId, @Nullable Map<String, QualityReviews.Given> given,
                               @Nullable String comment) {
        Session session = session(reviewer, id);
        return reviews.submit(reviewer, session.caseId(), agentId, given, comment, id, scorecards.version(session.version()));
    }

    /** The session's case on the session's scorecard version, with the ratings its record suggests. */
    @Transactional(readOnly = true)
    public ReviewDraft draft(RedressUser reviewer, long id) {
        Session session = session(reviewer, id);
        return reviews.draft(reviewer, session.caseId(), scorecards.version(session.version()));
    }

    @Transactional(readOnly = true)
    public Calibration show(RedressUser reader, long id) {
        Session session = session(reader, id);
        // In the order they were scored.
        List<QualityReview> scored = new java.util.ArrayList<>(store.list("r.calibration_id = :id", Map.of("id", id), 500));
        java.util.Collections.reverse(scored);
        boolean mine = scored.stream().anyMatch(review -> review.reviewerId() == reader.id());
        boolean visible = mine || session.openedById() == reader.id();
        Disagreement disagreement = visible && scored.size() >= 2 ? Disagreement.of(scorecards.version(session.version()),
            scored.stream().map(Calibrations::ratings).toList(), scored.stream().map(QualityReview::score).toList()) : null;
        return new Calibration(id, session.caseId(), CaseNumber.format(session.caseId()), session.version(), session.openedBy(),
            session.openedAt(), session.note(), scored.stream().map(QualityReview::reviewerName).toList(), mine,
            visible ? scored : List.of(), disagreement);
    }

    /** Sessions on cases the reader may open, newest first. */
    @Transactional(readOnly = true)
    public List<Calibration> list(RedressUser reader, int limit) {
        QualityReviews.requireReviewer(reader);
        QualityReviews.requireLimit(limit, 200);
        List<Long> ids = jdbc.sql("select c.id from quality_calibrations c where " + notices.scope(reader, "c.case_id")
                + " order by c.opened_at desc, c.id desc limit :limit")
            .param("limit", limit).query(Long.class).list();
        return ids.stream().map(id -> show(reader, id)).toList();
    }

    private Session session(RedressUser reader, long id) {
        QualityReviews.requireReviewer(reader);
        return jdbc.sql("select id, case_id, scorecard_version, opened_by_id, opened_by_name, opened_at, note from quality_calibrations c"
                + " where c.id = :id and " + notices.scope(reader, "c.case_id"))
            .param("id", id)
            .query((rs, n) -> new Session(rs.getLong("id"), rs.getLong("case_id"), rs.getInt("scorecard_version"),
                rs.getLong("opened_by_id"), rs.getString("opened_by_name"), rs.getTimestamp("opened_at").toInstant(),
                rs.getString("note")))
            .optional().orElseThrow(() -> new NotFound("There is no calibration session " + id + "."));
    }

    private static Map<String, Rating> ratings(QualityReview review) {
        Map<String, Rating> byCode = new java.util.HashMap<>();
        review.ratings().forEach(item -> byCode.put(item.code(), item.rating()));
        return byCode;
    }
}
