package org.redress.cases;

import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.redress.identity.RedressUser;
import org.redress.identity.Role;

/**
 * Which cases a person may open and act on; lists show them exactly these. Admins: every
 * case. Leads and managers: their team's cases, the shared inbox (cases with no team) and
 * cases assigned to them; one without a team heads the whole organisation and oversees
 * every case. Agents: their team's cases, the shared inbox and cases assigned to them.
 * Integrations: none (they are not people). {@link CaseAccess} enforces it.
 */
public final class CaseScope {

    private enum Reach { EVERY_CASE, TEAM, NONE }

    /** Redress itself (timers, sweeps, the customer's pages): not restricted. */
    public static final CaseScope EVERY_CASE = new CaseScope(Reach.EVERY_CASE, -1, null);

    private final Reach reach;
    private final long userId;
    private final @Nullable Long teamId;

    private CaseScope(Reach reach, long userId, @Nullable Long teamId) {
        this.reach = reach;
        this.userId = userId;
        this.teamId = teamId;
    }

    public static CaseScope of(RedressUser user) {
        return of(user.role(), user.id(), user.teamId());
    }

    static CaseScope of(Role role, long userId, @Nullable Long teamId) {
        return switch (role) {
            case ADMIN -> EVERY_CASE;
            case LEAD, MANAGER -> teamId == null ? EVERY_CASE : new CaseScope(Reach.TEAM, userId, teamId);
            case AGENT -> new CaseScope(Reach.TEAM, userId, teamId);
            case INTEGRATION -> new CaseScope(Reach.NONE, userId, null);
        };
    }

    /** Whether a case of this team (null: the shared inbox), held by this user (null: nobody), is in scope. */
    boolean covers(@Nullable Long caseTeamId, @Nullable Long assigneeId) {
        return switch (reach) {
            case EVERY_CASE -> true;
            case NONE -> false;
            case TEAM -> caseTeamId == null || caseTeamId.equals(teamId) || Objects.equals(assigneeId, userId);
        };
    }

    /**
     * This scope as an SQL condition on a column holding case ids, for lists that other
     * modules keep (clocks, promises), so that a page of 200 is 200 cases the reader may open.
     * The values are numbers, written into the text: no parameter names to clash with the caller's.
     */
    public String sql(String caseIdColumn) {
        return switch (reach) {
            case EVERY_CASE -> "1 = 1";
            case NONE -> "1 = 0";
            case TEAM -> caseIdColumn + " in (select scoped.id from recovery_cases scoped where " + onCases("scoped") + ")";
        };
    }

    /**
     * The same condition on the case table itself, under this alias, or on a read model that
     * copies its {@code team_id} and {@code assignee_id} columns (the queue in sla), so that the
     * planner sees the rule and no join to a million cases is needed.
     */
    public String onCases(String alias) {
        return switch (reach) {
            case EVERY_CASE -> "1 = 1";
            case NONE -> "1 = 0";
            case TEAM -> "(" + alias + ".team_id is null" + (teamId == null ? "" : " or " + alias + ".team_id = " + teamId)
                + " or " + alias + ".assignee_id = " + userId + ")";
        };
    }
}
