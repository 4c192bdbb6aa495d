package org.redress.cases;

import org.jspecify.annotations.Nullable;
import org.redress.audit.AuditTrail;
import org.redress.identity.Team;
import org.redress.identity.UserManagement;
import org.redress.identity.UserSummary;
import org.redress.shared.Actor;
import org.redress.shared.Forbidden;
import org.redress.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who may open and act on a case: the one place every module asks, with the acting user,
 * before it reads or changes a case. The reach is {@link CaseScope}'s; on top of it, agents
 * take only a case nobody holds, release only their own, and never hand a case to someone
 * else or move it to another team. Redress itself ({@link Actor#SYSTEM}: timers, sweeps,
 * the customer's pages) is not restricted. A refusal is a {@link Forbidden} whose message
 * names the rule, and is written to the audit log ({@code access.denied}: who, what, which
 * case) in a transaction of its own, so it stays recorded when the refused one rolls back.
 */
@Service
public class CaseAccess {

    private final JdbcClient jdbc;
    private final UserManagement users;
    private final AuditTrail audit;
    private final TransactionTemplate ownTransaction;

    CaseAccess(JdbcClient jdbc, UserManagement users, AuditTrail audit, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.users = users;
        this.audit = audit;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    private record Holding(@Nullable Long teamId, @Nullable Long assigneeId) {}

    /**
     * Refuses, with the rule and an audit entry, unless the actor may act on the case;
     * {@code action} says what they tried (e.g. {@code case.note-added}, {@code case.read}).
     * A case that does not exist is "not found".
     */
    public void require(long caseId, Actor actor, String action) {
        if (actor.isSystem()) {
            return;
        }
        Holding holding = jdbc.sql("select team_id, assignee_id from recovery_cases where id = ?").param(caseId)
            .query((rs, n) -> new Holding(rs.getObject("team_id", Long.class), rs.getObject("assignee_id", Long.class)))
            .optional().orElseThrow(() -> new NotFound("There is no case " + CaseNumber.format(caseId) + "."));
        require(caseId, holding.teamId(), holding.assigneeId(), actor, action);
    }

    /** The cases this actor may open, for lists. */
    public CaseScope scopeOf(Actor actor) {
        if (actor.isSystem()) {
            return CaseScope.EVERY_CASE;
        }
        UserSummary user = person(actor);
        return CaseScope.of(user.role(), user.id(), user.teamId());
    }

    /** The same check on a case already loaded (its team and holder as they are now). */
    void require(long caseId, @Nullable Long caseTeamId, @Nullable Long assigneeId, Actor actor, String action) {
        if (actor.isSystem()) {
            return;
        }
        UserSummary user = person(actor);
        if (!user.active() || !CaseScope.of(user.role(), user.id(), user.teamId()).covers(caseTeamId, assigneeId)) {
            throw denied(actor, caseId, action, refusal(user, caseId, caseTeamId));
        }
    }

    /**
     * The rules of handing a case over, once {@link #require} let the actor act on it: leads,
     * managers and admins give a case to anyone and move it between teams; agents take a case
     * nobody holds (never one someone else holds) and release only their own.
     */
    void requireAssignment(long caseId, @Nullable Long holderId, Actor actor, @Nullable Long newAssigneeId,
                           @Nullable Long newTeamId) {
        if (actor.isSystem()) {
            return;
        }
        UserSummary user = person(actor);
        if (user.role().supervises()) {
            return;
        }
        String number = CaseNumber.format(caseId);
        if (newTeamId != null) {
            throw denied(actor, caseId, "case.assigned", "Only leads, managers and admins move a case to another team.");
        }
        if (newAssigneeId != null && newAssigneeId != user.id()) {
            throw denied(actor, caseId, "case.assigned",
                "Agents take a case themselves; only leads, managers and admins assign it to others.");
        }
        if (holderId != null && holderId != user.id()) {
            throw denied(actor, caseId, "case.assigned", newAssigneeId == null
                ? "Agents release only cases they hold themselves; " + number + " is held by " + nameOf(holderId) + "."
                : "Agents take only cases nobody holds; " + number + " is held by " + nameOf(holderId)
                    + ". Ask them, or a lead, to hand it over.");
        }
    }

    private UserSummary person(Actor actor) {
        long id = actor.userId() == null ? -1 : actor.userId();
        return users.user(id).orElseThrow(() -> new Forbidden("There is no user with id " + id + "."));
    }

    private String refusal(UserSummary user, long caseId, @Nullable Long caseTeamId) {
        String number = CaseNumber.format(caseId);
        String where = caseTeamId == null ? "" : "; " + number + " belongs to team " + teamName(caseTeamId)
            + (user.teamId() == null ? " and you are in no team" : "");
        if (!user.active()) {
            return "Your account is deactivated.";
        }
        return switch (user.role()) {
            case INTEGRATION -> "Integrations are not people: they post complaints, business events and inbound messages, "
                + "and neither read nor act on cases; a person handles " + number + ".";
            case AGENT -> "Agents act only on cases of their own team, cases in the shared inbox (no team) or cases "
                + "assigned to them" + where + ".";
            case LEAD, MANAGER -> "Leads and managers act only on cases of their own team, cases in the shared inbox "
                + "(no team) or cases assigned to them" + where + ".";
            case ADMIN -> "Admins act on every case.";
        };
    }

    private Forbidden denied(Actor actor, long caseId, String action, String rule) {
        ownTransaction.executeWithoutResult(status ->
            audit.record(actor, "access.denied", "case:" + CaseNumber.format(caseId), action + ": " + rule));
        return new Forbidden(rule);
    }

    private String teamName(long teamId) {
        return users.team(teamId).map(Team::name).orElse("#" + teamId);
    }

    private String nameOf(long userId) {
        return users.user(userId).map(UserSummary::name).orElse("someone else");
    }
}
