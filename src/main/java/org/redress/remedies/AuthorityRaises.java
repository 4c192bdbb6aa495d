package org.redress.remedies;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.redress.audit.AuditTrail;
import org.redress.identity.UserSummary;
import org.redress.shared.Actor;
import org.redress.shared.Checks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Authority raised for one person by something they earned outside the matrix (a training
 * certification), until a moment. While it lasts, each of its limits counts where it is above
 * the person's own or role limit; once it ends, the matrix applies again on its own: nothing
 * has to run at the moment of expiry for the remedies to decide differently. Every raise is
 * audited.
 */
@Service
@Transactional
public class AuthorityRaises {

    @Schema(name = "AuthorityRaise", description = "Authority raised for one person until a moment, and where it comes from.")
    public record Raise(@Schema(description = "Identifier.") long id,
                        @Schema(description = "The person.") long userId,
                        @Schema(description = "Their name.") String userName,
                        @Schema(description = "Remedy type code.") String type,
                        @Schema(description = "Most per case while it lasts.") String perCase,
                        @Schema(description = "Most per calendar month while it lasts.") String perMonth,
                        @Schema(description = "Where it comes from, e.g. `certification:GOODWILL_2`.") String source,
                        @Schema(description = "When it was raised.") Instant grantedAt,
                        @Schema(description = "When it ends and the matrix applies again.") Instant expiresAt) {}

    /** The limits a raise gives, checked: a remedy type in the catalog, amounts, the month at least the case. */
    public record Limits(String type, Money perCase, Money perMonth) {}

    private final JdbcClient jdbc;
    private final RemedySettings settings;
    private final RemedyAdmin admin;
    private final Clock clock;
    private final AuditTrail audit;

    AuthorityRaises(JdbcClient jdbc, RemedySettings settings, RemedyAdmin admin, Clock clock, AuditTrail audit) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.admin = admin;
        this.clock = clock;
        this.audit = audit;
    }

    /** Checks limits as a raise would hold them; refuses field by field (type, perCase, perMonth). */
    @Transactional(readOnly = true)
    public Limits limits(@Nullable String type, @Nullable String perCase, @Nullable String perMonth) {
        return admin.limits(new Checks(), type, perCase, perMonth);
    }

    /** The remedy types a raise may be for: the catalog's active ones, by name. */
    @Transactional(readOnly = true)
    public List<RemedyType> remedyTypes() {
        return admin.catalog().stream().filter(RemedyType::active).toList();
    }

    /** Raises the person's authority from this source until then, replacing what the source gave them before. */
    public Raise raise(Actor by, UserSummary person, Limits limits, String source, Instant until) {
        jdbc.sql("delete from authority_raises where user_id = ? and source = ?").params(person.id(), source).update();
        jdbc.sql("insert into authority_raises (user_id, remedy_type, per_case_minor, per_month_minor, source, granted_at, expires_at)"
                + " values (?, ?, ?, ?, ?, ?, ?)")
            .params(person.id(), limits.type(), limits.perCase().minor(), limits.perMonth().minor(), source,
                Timestamp.from(clock.instant()), Timestamp.from(until))
            .update();
        audit.record(by, "authority.raised", "user:" + person.id(), person.name() + " may grant " + limits.type() + " up to "
            + limits.perCase().amount() + " per case and " + limits.perMonth().amount() + " per month (" + source + ") until " + until);
        return current(person.id()).stream().filter(raise -> raise.source().equals(source)).findFirst().orElseThrow();
    }

    /** The raises in force now, for everyone. */
    @Transactional(readOnly = true)
    public List<Raise> current() {
        return query("r.expires_at > ?", Timestamp.from(clock.instant()));
    }

    /** The raises in force now for one person. */
    @Transactional(readOnly = true)
    public List<Raise> current(long userId) {
        return query("r.expires_at > ? and r.user_id = ?", Timestamp.from(clock.instant()), userId);
    }

    private List<Raise> query(String condition, Object... params) {
        return jdbc.sql("select r.id, r.user_id, coalesce(u.name, 'User ' || r.user_id) user_name, r.remedy_type, r.per_case_minor,"
                + " r.per_month_minor, r.source, r.granted_at, r.expires_at from authority_raises r left join users u on u.id = r.user_id"
                + " where " + condition + " order by r.remedy_type, user_name")
            .params(params)
            .query((rs, n) -> new Raise(rs.getLong("id"), rs.getLong("user_id"), rs.getString("user_name"), rs.getString("remedy_type"),
                new Money(rs.getLong("per_case_minor"), settings.currency()).amount(),
                new Money(rs.getLong("per_month_minor"), settings.currency()).amount(), rs.getString("source"),
                rs.getTimestamp("granted_at").toInstant(), rs.getTimestamp("expires_at").toInstant()))
            .list();
    }
}
