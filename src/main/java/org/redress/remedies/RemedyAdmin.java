package org.redress.remedies;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.redress.audit.AuditTrail;
import org.redress.identity.RedressUser;
import org.redress.identity.Role;
import org.redress.identity.UserManagement;
import org.redress.shared.Checks;
import org.redress.shared.Forbidden;
import org.redress.shared.InvalidInput;
import org.redress.shared.NotFound;
import org.redress.shared.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.swagger.v3.oas.annotations.media.Schema;

/** Admins keep the remedy catalog and the authority matrix; every change is audited. The fair-offer policy is {@link FairOfferRules}. */
@Service
@Transactional
public class RemedyAdmin {

    private final RemedyTypes types;
    private final JdbcClient jdbc;
    private final UserManagement users;
    private final AuditTrail audit;
    private final RemedySettings settings;
    private final Clock clock;

    RemedyAdmin(RemedyTypes types, JdbcClient jdbc, UserManagement users, AuditTrail audit, RemedySettings settings, Clock clock) {
        this.types = types;
        this.jdbc = jdbc;
        this.users = users;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /** Adds a new type to the catalog; unlike {@link #saveType}, refuses a code that is already taken. */
    public RemedyType addType(RedressUser admin, @Nullable String code, @Nullable String label, @Nullable String kind) {
        return save(admin, code, label, kind, true, true);
    }

    /** Adds the type, or changes the one with this code (retires it with {@code active} false). */
    public RemedyType saveType(RedressUser admin, String code, @Nullable String label, @Nullable String kind,
                               @Nullable Boolean active) {
        return save(admin, code, label, kind, active, false);
    }

    private RemedyType save(RedressUser admin, @Nullable String code, @Nullable String label, @Nullable String kind,
                            @Nullable Boolean active, boolean onlyNew) {
        requireAdmin(admin);
        Checks checks = new Checks();
        String key = checks.check(() -> {
            String value = Text.required("code", code, 50).trim().toLowerCase(Locale.ROOT);
            if (!value.matches("[a-z0-9][a-z0-9-]{0,49}")) {
                throw InvalidInput.field("code", "use lower-case letters, digits and hyphens (at most 50)");
            }
            if (onlyNew && types.existsById(value)) {
                throw InvalidInput.field("code", "'" + value + "' is already in the catalog; change it in its row");
            }
            return value;
        });
        String name = checks.check(() -> Text.required("label", label, 100).strip());
        RemedyType.Kind what = checks.check(() -> {
            try {
                return RemedyType.Kind.valueOf(Text.required("kind", kind, 40).trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw InvalidInput.field("kind", "must be one of " + java.util.Arrays.toString(RemedyType.Kind.values()));
            }
        });
        checks.verify();
        RemedyType existing = types.findById(key).orElse(null);
        RemedyType saved = types.save(new RemedyType(key, name, what, active == null || active,
            existing == null ? clock.instant() : existing.createdAt(), existing == null ? 0 : existing.version()));
        audit.record(admin.actor(), existing == null ? "remedy-type.created" : "remedy-type.changed", "remedy-type:" + key,
            name + " (" + what + (saved.active() ? "" : ", retired") + ")");
        return saved;
    }

    @Schema(name = "AuthorityLimit", description = "The most a role or a person may grant of one remedy type.")
    public record Limit(
        @Schema(description = "Identifier.") long id,
        @Schema(description = "AGENT, LEAD, MANAGER or ADMIN; null for a person's own limit.") @Nullable String role,
        @Schema(description = "The person, for a person's own limit; it takes precedence over their role's.") @Nullable Long userId,
        @Schema(description = "Remedy type code.") String type,
        @Schema(description = "Most per case.") String perCase,
        @Schema(description = "Most per calendar month.") String perMonth,
        @Schema(description = "Currency.") String currency) {}

    @Transactional(readOnly = true)
    public List<Limit> limits() {
        return jdbc.sql("select id, role, user_id, remedy_type, per_case_minor, per_month_minor from authority_limits"
                + " order by remedy_type, role nulls last, user_id")
            .query((rs, n) -> new Limit(rs.getLong("id"), rs.getString("role"), rs.getObject("user_id", Long.class),
                rs.getString("remedy_type"), new Money(rs.getLong("per_case_minor"), settings.currency()).amount(),
                new Money(rs.getLong("per_month_minor"), settings.currency()).amount(), settings.currency().getCurrencyCode()))
            .list();
    }

    /** Sets the limit of a role or of one person for a type, replacing the one they had. */
    public Limit setLimit(RedressUser admin, @Nullable String role, @Nullable Long userId, @Nullable String type,
                          @Nullable String perCase, @Nullable String perMonth) {
        requireAdmin(admin);
        Checks checks = new Checks();
        checks.check(() -> {
            if ((role == null) == (userId == null)) {
                throw InvalidInput.field("role", "give either a role or a userId, not both");
            }
            if (role != null && java.util.Arrays.stream(Role.values()).noneMatch(r -> r.person() && r.name().equalsIgnoreCase(role.trim()))) {
                throw InvalidInput.field("role", "must be AGENT, LEAD, MANAGER or ADMIN");
            }
            if (userId != null && users.user(userId).isEmpty()) {
                throw InvalidInput.field("userId", "there is no user with id " + userId);
            }
            return null;
        });
        AuthorityRaises.Limits limits = limits(checks, type, perCase, perMonth);
        String code = limits.type();
        Money caseLimit = limits.perCase();
        Money monthLimit = limits.perMonth();
        String holder = role == null ? null : role.trim().toUpperCase(Locale.ROOT);
        jdbc.sql("delete from authority_limits where remedy_type = ? and (role = ? or user_id = ?)")
            .params(code, holder, userId).update();
        jdbc.sql("insert into authority_limits (role, user_id, remedy_type, per_case_minor, per_month_minor) values (?, ?, ?, ?, ?)")
            .params(holder, userId, code, caseLimit.minor(), monthLimit.minor()).update();
        audit.record(admin.actor(), "authority-limit.set", "authority:" + (holder != null ? holder : "user:" + userId) + ":" + code,
            caseLimit + " per case, " + monthLimit + " per month");
        return limits().stream().filter(limit -> limit.type().equals(code)
                && (holder != null ? holder.equals(limit.role()) : userId.equals(limit.userId())))
            .findFirst().orElseThrow();
    }

    public void deleteLimit(RedressUser admin, long id) {
        requireAdmin(admin);
        if (jdbc.sql("delete from authority_limits where id = ?").param(id).update() == 0) {
            throw new NotFound("There is no authority limit " + id + ".");
        }
        audit.record(admin.actor(), "authority-limit.deleted", "authority-limit:" + id, null);
    }

    java.util.Currency currency() {
        return settings.currency();
    }

    /** The code of an existing remedy type, or a refusal naming the field. */
    /** A remedy type and its two limits, each refused into checks (type, perCase, perMonth); verifies them with what checks holds. */
    AuthorityRaises.Limits limits(Checks checks, @Nullable String type, @Nullable String perCase, @Nullable String perMonth) {
        String code = checks.check(() -> typeCode(type));
        Money caseLimit = checks.check(() -> Money.parse("perCase", perCase, settings.currency()));
        Money monthLimit = checks.check(() -> Money.parse("perMonth", perMonth, settings.currency()));
        checks.verify();
        if (monthLimit.compareTo(caseLimit) < 0) {
            throw InvalidInput.field("perMonth", "must be at least the per-case limit");
        }
        return new AuthorityRaises.Limits(code, caseLimit, monthLimit);
    }

    List<RemedyType> catalog() {
        return types.findAllByOrderByLabelAsc();
    }

    String typeCode(@Nullable String type) {
        return types.findById(Text.required("type", type, 50).trim().toLowerCase(Locale.ROOT))
            .orElseThrow(() -> InvalidInput.field("type", "'" + type + "' is not a remedy type")).code();
    }

    static void requireAdmin(RedressUser user) {
        if (user.role() != Role.ADMIN) {
            throw new Forbidden("Only admins change the remedy catalog, the authority matrix and the fair-offer rules.");
        }
    }
}
