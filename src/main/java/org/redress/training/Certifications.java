package org.redress.training;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.redress.identity.RedressUser;
import org.redress.identity.Role;
import org.redress.identity.UserManagement;
import org.redress.identity.UserSummary;
import org.redress.remedies.AuthorityRaises;
import org.redress.shared.Actor;
import org.redress.shared.Checks;
import org.redress.shared.Forbidden;
import org.redress.shared.InvalidInput;
import org.redress.shared.Text;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Certifications: a quiz passed and enough recent reviews at or above a score earn one, and it
 * raises what its holder may grant of a remedy type without approval ({@link AuthorityRaises}),
 * for its number of days. It is renewed by passing its quiz again in the last weeks (the notice
 * window, {@code redress.training.expiry-notice-days}); otherwise it ends and the authority drops
 * back. Managers and admins set the rules; every certificate and its end is audited.
 */
@Service
@Transactional
public class Certifications {

    @Schema(name = "Certification", description = "What earns a certification, and the authority it gives.")
    public record Certification(@Schema(description = "Identifier.") long id,
                         @Schema(description = "Code.") String code,
                         @Schema(description = "Name.") String name,
                         @Schema(description = "The quiz to pass.") long quizId,
                         @Schema(description = "Its title.") String quizTitle,
                         @Schema(description = "Reviews of one's own cases needed in the validity period.") int minReviews,
                         @Schema(description = "The score each of them needs, in percent.") int minReviewScore,
                         @Schema(description = "Days it lasts.") int validDays,
                         @Schema(description = "Remedy type it raises.") String remedyType,
                         @Schema(description = "Most per case while it lasts.") String perCase,
                         @Schema(description = "Most per calendar month while it lasts.") String perMonth,
                         @Schema(description = "Whether it can be earned now.") boolean active) {

        public String authority() {
            return "You may grant " + remedyType.toLowerCase(Locale.ROOT).replace('_', ' ') + " up to " + perCase + " per case and "
                + perMonth + " per month without approval";
        }
    }

    @Schema(name = "CertificationDefinition", description = "The rule for a certification; a new code creates one, a known code changes it.")
    public record Request(@Schema(description = "Name.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String name,
                   @Schema(description = "Code of the quiz to pass.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String quiz,
                   @Schema(description = "Reviews needed (0 or more).", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable Integer minReviews,
                   @Schema(description = "Score each review needs, 1–100.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable Integer minReviewScore,
                   @Schema(description = "Days it lasts, 7–730.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable Integer validDays,
                   @Schema(description = "Remedy type it raises.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String remedyType,
                   @Schema(description = "Most per case, e.g. \"80.00\".", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String perCase,
                   @Schema(description = "Most per month, at least perCase.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String perMonth,
                   @Schema(description = "False to stop new certificates (those held run out).") @Nullable Boolean active) {}

    public enum Standing { IN_FORCE, ENDING_SOON, ENDED, RENEWED }

    @Schema(name = "Certificate", description = "A certification one person earned.")
    public record Held(@Schema(description = "Identifier.") long id,
                @Schema(description = "The certification's code.") String code,
                @Schema(description = "Its name.") String name,
                @Schema(description = "The authority it gives while in force.") String authority,
                @Schema(description = "When it was earned.") Instant earnedAt,
                @Schema(description = "When it ends.") Instant expiresAt,
                @Schema(description = "IN_FORCE, ENDING_SOON (within the notice window), ENDED or RENEWED.") Standing standing) {}

    private final JdbcClient jdbc;
    private final AuthorityRaises raises;
    private final UserManagement users;
    private final TrainingNotices notices;
    private final Duration noticeWindow;

    Certifications(JdbcClient jdbc, AuthorityRaises raises, UserManagement users, TrainingNotices notices,
                   @Value("${redress.training.expiry-notice-days:14}") int noticeDays) {
        this.jdbc = jdbc;
        this.raises = raises;
        this.users = users;
        this.notices = notices;
        this.noticeWindow = Duration.ofDays(noticeDays);
    }

    @Transactional(readOnly = true)
    List<Certification> list() {
        return jdbc.sql(DEFINITIONS + " order by c.name").query((rs, n) -> certification(rs)).list();
    }

    /** Creates or changes a certification's rule (managers and admins); what is already held keeps its end. */
    public Certification define(RedressUser by, @Nullable String code, Request request) {
        if (by.role() != Role.MANAGER && by.role() != Role.ADMIN) {
            throw new Forbidden("Only a manager or an admin sets certifications.");
        }
        Checks checks = new Checks();
        String key = checks.check(() -> Text.required("code", code, 40).trim().toUpperCase(Locale.ROOT).replace(' ', '_'));
        String name = checks.check(() -> Text.required("name", request.name(), 120).trim());
        Long quiz = checks.check(() -> jdbc.sql("select id from training_quizzes where code = ?")
            .param(Text.required("quiz", request.quiz(), 40).trim().toUpperCase(Locale.ROOT)).query(Long.class).optional()
            .orElseThrow(() -> InvalidInput.field("quiz", "there is no quiz " + request.quiz())));
        Integer reviews = checks.check(() -> within("minReviews", request.minReviews(), 0, 50));
        Integer score = checks.check(() -> within("minReviewScore", request.minReviewScore(), 1, 100));
        Integer days = checks.check(() -> within("validDays", request.validDays(), 7, 730));
        AuthorityRaises.Limits limits = checks.check(() -> {
            try {
                return raises.limits(request.remedyType(), request.perCase(), request.perMonth());
            } catch (InvalidInput refused) {
                throw refused.renamed("type", "remedyType");
            }
        });
        checks.verify();
        boolean active = request.active() == null || request.active();
        Object[] values = {name, quiz, reviews, score, days, limits.type(), limits.perCase().amount(), limits.perMonth().amount(), active, key};
        if (jdbc.sql("update training_certifications set name = ?, quiz_id = ?, min_reviews = ?, min_review_score = ?, valid_days = ?,"
                + " remedy_type = ?, per_case = ?, per_month = ?, active = ? where code = ?").params(values).update() == 0) {
            jdbc.sql("insert into training_certifications (name, quiz_id, min_reviews, min_review_score, valid_days, remedy_type, per_case,"
                + " per_month, active, code) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").params(values).update();
        }
        Certification saved = jdbc.sql(DEFINITIONS + " where c.code = ?").param(key).query((rs, n) -> certification(rs)).single();
        notices.defined(by, saved.code(), saved.name() + ": " + saved.authority() + " for " + days + " days");
        return saved;
    }

    /**
     * Grants every certification the person now meets and does not hold, or holds but ending
     * within the notice window with its quiz passed again since: a new certificate, and the raise.
     */
    void consider(Actor by, long userId) {
        UserSummary person = users.user(userId).orElse(null);
        if (person == null || !person.active()) {
            return;
        }
        Instant now = notices.now();
        List<Held> holding = held(userId);
        for (Certification certification : list()) {
            if (!certification.active()) {
                continue;
            }
            Instant windowStart = now.minus(Duration.ofDays(certification.validDays()));
            Held current = holding.stream()
                .filter(held -> held.code().equals(certification.code()) && held.expiresAt().isAfter(now) && held.standing() != Standing.RENEWED)
                .findFirst().orElse(null);
            if (current != null && current.expiresAt().isAfter(now.plus(noticeWindow))) {
                continue;
            }
            boolean passed = passedSince(userId, certification.quizId(), current == null ? windowStart : current.earnedAt());
            long goodReviews = goodReviews(userId, certification.minReviewScore(), windowStart);
            if (passed && goodReviews >= certification.minReviews()) {
                grant(by, person, certification, current, now);
            }
        }
    }

    /** Whether the person passed the quiz after then. */
    @Transactional(readOnly = true)
    boolean passedSince(long userId, long quizId, Instant since) {
        return jdbc.sql("select count(*) from training_quiz_attempts where user_id = ? and quiz_id = ? and passed = true and taken_at > ?")
            .params(userId, quizId, Timestamp.from(since)).query(Long.class).single() > 0;
    }

    /** Reviews of the person's own cases (not calibration scores) at or above the score since then. */
    @Transactional(readOnly = true)
    long goodReviews(long userId, int minScore, Instant since) {
        return jdbc.sql("select count(*) from quality_reviews where agent_id = ? and calibration_id is null and score >= ? and submitted_at > ?")
            .params(userId, minScore, Timestamp.from(since)).query(Long.class).single();
    }

    private void grant(Actor by, UserSummary person, Certification certification, @Nullable Held current, Instant now) {
        AuthorityRaises.Limits limits;
        try {
            limits = raises.limits(certification.remedyType(), certification.perCase(), certification.perMonth());
        } catch (InvalidInput retired) {
            return; // its remedy type left the catalog: nothing to raise until a manager changes the rule
        }
        Instant until = now.plus(Duration.ofDays(certification.validDays()));
        if (current != null) {
            jdbc.sql("update training_certificates set lapsed_at = ? where id = ?").params(Timestamp.from(now), current.id()).update();
        }
        jdbc.sql("insert into training_certificates (certification_id, user_id, earned_at, expires_at) values (?, ?, ?, ?)")
            .params(certification.id(), person.id(), Timestamp.from(now), Timestamp.from(until)).update();
        raises.raise(by, person, limits, "certification:" + certification.code(), until);
        notices.certified(by, person, certification.name(), certification.authority(), until);
    }

    /** Everything the person has earned, newest first. */
    @Transactional(readOnly = true)
    List<Held> held(long userId) {
        Instant now = notices.now();
        return jdbc.sql("select t.id held_id, t.earned_at, t.expires_at, t.lapsed_at, " + COLUMNS + " from training_certificates t"
                + " join training_certifications c on c.id = t.certification_id join training_quizzes q on q.id = c.quiz_id"
                + " where t.user_id = ? order by t.earned_at desc, t.id desc")
            .param(userId)
            .query((rs, n) -> {
                Certification certification = certification(rs);
                Instant expires = rs.getTimestamp("expires_at").toInstant();
                Timestamp lapsed = rs.getTimestamp("lapsed_at");
                Standing standing = lapsed != null && lapsed.toInstant().isBefore(expires) ? Standing.RENEWED
                    : !expires.isAfter(now) ? Standing.ENDED
                    : expires.isBefore(now.plus(noticeWindow)) ? Standing.ENDING_SOON : Standing.IN_FORCE;
                return new Held(rs.getLong("held_id"), certification.code(), certification.name(), certification.authority(),
                    rs.getTimestamp("earned_at").toInstant(), expires, standing);
            })
            .list();
    }

    /** Tells holders (and their leads) once when a certificate enters its last weeks, and once when it has ended. */
    void sweep() {
        Instant now = notices.now();
        for (Due due : due("t.notice_sent_at is null and t.expires_at > ? and t.expires_at <= ?", Timestamp.from(now),
                Timestamp.from(now.plus(noticeWindow)))) {
            jdbc.sql("update training_certificates set notice_sent_at = ? where id = ?").params(Timestamp.from(now), due.id()).update();
            users.user(due.userId()).ifPresent(person -> notices.endingSoon(person, leads(person), due.name(), due.expiresAt()));
        }
        for (Due due : due("t.expires_at <= ?", Timestamp.from(now))) {
            jdbc.sql("update training_certificates set lapsed_at = expires_at where id = ?").param(due.id()).update();
            users.user(due.userId()).ifPresent(person -> notices.lapsed(person, leads(person), due.name()));
        }
    }

    private record Due(long id, long userId, String name, Instant expiresAt) {}

    // Certificates neither renewed nor ended yet that meet the condition.
    private List<Due> due(String condition, Object... params) {
        return jdbc.sql("select t.id, t.user_id, c.name, t.expires_at from training_certificates t join training_certifications c"
                + " on c.id = t.certification_id where t.lapsed_at is null and " + condition)
            .params(params)
            .query((rs, n) -> new Due(rs.getLong("id"), rs.getLong("user_id"), rs.getString("name"), rs.getTimestamp("expires_at").toInstant()))
            .list();
    }

    /** The person's best score per quiz. */
    @Transactional(readOnly = true)
    Map<Long, Integer> bestScores(long userId) {
        Map<Long, Integer> best = new HashMap<>();
        jdbc.sql("select quiz_id, max(score) best from training_quiz_attempts where user_id = ? group by quiz_id").param(userId)
            .query(rs -> {
                best.put(rs.getLong("quiz_id"), rs.getInt("best"));
            });
        return best;
    }

    private List<Long> leads(UserSummary person) {
        return users.leadsOf(person.teamId()).stream().map(UserSummary::id).filter(id -> id != person.id()).toList();
    }

    private static Integer within(String field, @Nullable Integer value, int low, int high) {
        if (value == null || value < low || value > high) {
            throw InvalidInput.field(field, "give a whole number from " + low + " to " + high);
        }
        return value;
    }

    private static final String COLUMNS = "c.id, c.code, c.name, c.quiz_id, q.title quiz_title, c.min_reviews, c.min_review_score,"
        + " c.valid_days, c.remedy_type, c.per_case, c.per_month, c.active";
    private static final String DEFINITIONS = "select " + COLUMNS + " from training_certifications c join training_quizzes q on q.id = c.quiz_id";

    private static Certification certification(ResultSet rs) throws SQLException {
        return new Certification(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getLong("quiz_id"),
            rs.getString("quiz_title"), rs.getInt("min_reviews"), rs.getInt("min_review_score"), rs.getInt("valid_days"),
            rs.getString("remedy_type"), rs.getString("per_case"), rs.getString("per_month"), rs.getBoolean("active"));
    }
}
