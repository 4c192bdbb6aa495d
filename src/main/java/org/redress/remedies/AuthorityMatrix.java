package org.redress.remedies;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.redress.identity.Role;
import org.redress.identity.UserManagement;
import org.redress.identity.UserSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who may grant how much: a person's own limits for a remedy type, else their role's, raised
 * while a certification lasts ({@link AuthorityRaises}); and what counts against them
 * (everything granted on the case, everything they granted this calendar month in the
 * business time zone). {@link #lock} serialises the grants of a
 * person and of a case, so two requests cannot both fit under a limit only one fits under.
 */
@Component
class AuthorityMatrix {

    private final JdbcClient jdbc;
    private final RemedySettings settings;
    private final Clock clock;
    private final ZoneId businessZone;
    private final UserManagement users;

    AuthorityMatrix(JdbcClient jdbc, RemedySettings settings, Clock clock, ZoneId businessZone, UserManagement users) {
        this.users = users;
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
        this.businessZone = businessZone;
    }

    /**
     * The person's authority for the type, or none (they may not grant it at all): their own
     * limits, else their role's; each raised where a raise in force now (a certification) is higher.
     */
    Optional<Authority> of(long userId, Role role, String remedyType) {
        Optional<Authority> matrix = jdbc.sql("""
                select per_case_minor, per_month_minor from authority_limits
                where remedy_type = ? and (user_id = ? or role = ?)
                order by case when user_id is null then 1 else 0 end limit 1""")
            .params(remedyType, userId, role.name())
            .query((rs, n) -> authority(rs.getLong("per_case_minor"), rs.getLong("per_month_minor")))
            .optional();
        Optional<Authority> raised = jdbc.sql("""
                select max(per_case_minor) per_case_minor, max(per_month_minor) per_month_minor from authority_raises
                where user_id = ? and remedy_type = ? and expires_at > ? having count(*) > 0""")
            .params(userId, remedyType, Timestamp.from(clock.instant()))
            .query((rs, n) -> authority(rs.getLong("per_case_minor"), rs.getLong("per_month_minor")))
            .optional();
        return raised.isEmpty() ? matrix : Optional.of(matrix.map(limits -> limits.higher(raised.get())).orElse(raised.get()));
    }

    private Authority authority(long perCaseMinor, long perMonthMinor) {
        return new Authority(new Money(perCaseMinor, settings.currency()), new Money(perMonthMinor, settings.currency()));
    }

    /** What the person may still grant of the type on the case, for the remedy to decide with. */
    Entitlement entitlement(long userId, Role role, String typeLabel, String typeCode, long caseId) {
        return new Entitlement(typeLabel, of(userId, role, typeCode).orElse(null), grantedOnCase(caseId, typeCode),
            grantedThisMonth(userId, typeCode));
    }

    /** Granted on the case for this type, by anyone, not taken back. */
    Money grantedOnCase(long caseId, String remedyType) {
        return sum("case_id = ? and remedy_type = ?", caseId, remedyType);
    }

    /** Granted by the person this calendar month for this type. */
    Money grantedThisMonth(long userId, String remedyType) {
        LocalDate first = LocalDate.now(clock.withZone(businessZone)).withDayOfMonth(1);
        Instant from = first.atStartOfDay(businessZone).toInstant();
        Instant to = first.plusMonths(1).atStartOfDay(businessZone).toInstant();
        return sum("granted_by_id = ? and remedy_type = ? and granted_at >= ? and granted_at < ?",
            userId, remedyType, Timestamp.from(from), Timestamp.from(to));
    }

    /**
     * Who could approve this grant: active leads, managers and admins other than the
     * proposer whose own limits cover it; the proposer's team's among them first, and
     * only them when there are any.
     */
    List<Long> approversFor(long caseId, String remedyType, Money amount, long proposerId) {
        Long proposerTeam = users.user(proposerId).map(UserSummary::teamId).orElse(null);
        Money onCase = grantedOnCase(caseId, remedyType);
        List<UserSummary> able = users.users().stream()
            .filter(user -> user.active() && user.role().supervises() && user.id() != proposerId)
            .filter(user -> of(user.id(), user.role(), remedyType)
                .map(limits -> limits.check(amount, onCase, grantedThisMonth(user.id(), remedyType)).within()).orElse(false))
            .toList();
        List<UserSummary> ownTeam = able.stream().filter(user -> proposerTeam != null && proposerTeam.equals(user.teamId())).toList();
        // Beyond everyone's limits, the managers still need to know: someone must raise a limit or say no.
        List<UserSummary> told = !ownTeam.isEmpty() ? ownTeam : !able.isEmpty() ? able : users.leadsOf(null);
        return told.stream().map(UserSummary::id).filter(id -> id != proposerId).toList();
    }

    /** Locks these people's and this case's grants until the transaction ends (in one order, so no deadlock). */
    void lock(long caseId, @Nullable Long... userIds) {
        List<String> keys = Stream.concat(Stream.of("case:" + caseId),
                Stream.of(userIds).filter(java.util.Objects::nonNull).map(id -> "user:" + id))
            .sorted().distinct().toList();
        for (String key : keys) {
            jdbc.sql("insert into remedy_locks (lock_key) values (?) on conflict do nothing").param(key).update();
        }
        jdbc.sql("select lock_key from remedy_locks where lock_key in (:keys) order by lock_key for update")
            .param("keys", keys).query(String.class).list();
    }

    private Money sum(String condition, Object... params) {
        String granted = String.join(", ", Remedy.State.GRANTED.stream().map(state -> "'" + state.name() + "'").toList());
        Long total = jdbc.sql("select coalesce(sum(amount_minor), 0) from remedies where state in (" + granted + ") and "
                + condition)
            .params(params).query(Long.class).single();
        return new Money(total, settings.currency());
    }
}
