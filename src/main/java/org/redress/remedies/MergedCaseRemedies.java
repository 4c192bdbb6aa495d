package org.redress.remedies;

import java.util.List;
import java.util.Optional;

import org.redress.cases.CaseNumber;
import org.redress.cases.CasesMerged;
import org.redress.identity.UserManagement;
import org.redress.identity.UserSummary;
import org.redress.shared.Conflict;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A merged case's remedies that are not final (awaiting approval, approved, offered,
 * countered, accepted and not yet delivered) move to the case it was merged into, where the
 * customer's link now leads. Two checks can refuse the merge, which undoes it whole:
 * an offer still open can only move to a case where an offer may stand (the customer
 * acknowledged and heard there); and a granted remedy only moves where the case's total of
 * its type stays within the per-case limit of whoever granted it, since each was granted
 * against its own case's total alone. Final ones (rejected, declined, withdrawn, fulfilled)
 * stay as the merged case's record.
 */
@Component
class MergedCaseRemedies {

    private static final List<String> IN_NEGOTIATION = List.of("OFFERED", "COUNTERED");
    private static final List<String> NOT_FINAL = List.of("PENDING_APPROVAL", "APPROVED", "OFFERED", "COUNTERED", "ACCEPTED");

    private final JdbcClient jdbc;
    private final AgreedRemedies agreements;
    private final AuthorityMatrix authority;
    private final UserManagement users;

    MergedCaseRemedies(JdbcClient jdbc, AgreedRemedies agreements, AuthorityMatrix authority, UserManagement users) {
        this.jdbc = jdbc;
        this.agreements = agreements;
        this.authority = authority;
        this.users = users;
    }

    @EventListener
    void on(CasesMerged merged) {
        boolean negotiating = jdbc.sql("select count(*) from remedies where case_id = :c and state in (:states)")
            .param("c", merged.fromCaseId()).param("states", IN_NEGOTIATION).query(Long.class).single() > 0;
        if (negotiating) {
            agreements.whyNotAgreeable(merged.intoCaseId()).ifPresent(reason -> {
                throw new Conflict("An offer on the duplicate awaits the customer's answer, and it cannot stand on the other case: "
                    + reason);
            });
        }
        List<Grant> moving = grantsMoving(merged.fromCaseId());
        if (!moving.isEmpty()) {
            // Serialised with grants on the surviving case, so its total cannot change under the check.
            authority.lock(merged.intoCaseId());
        }
        jdbc.sql("update remedies set case_id = :into where case_id = :from and state in (:states)")
            .param("into", merged.intoCaseId()).param("from", merged.fromCaseId()).param("states", NOT_FINAL).update();
        moving.forEach(grant -> requireWithinGrantersLimit(grant, merged.intoCaseId()));
    }

    /** A granted remedy about to move: its type and who granted it. */
    private record Grant(String type, long grantedById) {}

    private List<Grant> grantsMoving(long caseId) {
        List<String> granted = Remedy.State.GRANTED.stream().map(Enum::name).filter(NOT_FINAL::contains).toList();
        return jdbc.sql("""
                select distinct remedy_type, granted_by_id from remedies
                where case_id = :c and state in (:granted) and granted_by_id is not null""")
            .param("c", caseId).param("granted", granted)
            .query((rs, n) -> new Grant(rs.getString("remedy_type"), rs.getLong("granted_by_id"))).list();
    }

    private void requireWithinGrantersLimit(Grant grant, long intoCaseId) {
        Money total = authority.grantedOnCase(intoCaseId, grant.type());
        Optional<UserSummary> granter = users.user(grant.grantedById());
        Optional<Authority> limits = granter.flatMap(user -> authority.of(user.id(), user.role(), grant.type()));
        if (limits.isPresent() && total.compareTo(limits.get().perCase()) <= 0) {
            return;
        }
        String who = granter.map(UserSummary::name).orElse("whoever granted it");
        throw new Conflict("Merging would put " + total + " of " + grant.type() + " on " + CaseNumber.format(intoCaseId)
            + ", above what " + who + " may grant on one case"
            + limits.map(l -> " (" + l.perCase() + ")").orElse("") + ". Withdraw one of the remedies, "
            + "or have the limit raised, before merging.");
    }
}
