package org.redress.insights;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code insight_remedy_facts}: the remedies of the cases the refresh reads, written
 * again with their case (a remedy that moved with a merge leaves its old case's rows too),
 * each with its case's customer and team.
 * Whether a remedy asked for approval is read from how it ended: waiting, refused, or
 * granted by someone other than whoever proposed it.
 */
@Component
class RemedyFacts {

    private final JdbcClient jdbc;

    RemedyFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Source(long id, long caseId, long customerId, @Nullable Long teamId, String type, long amountMinor,
                          String currency, String state, @Nullable Long proposedById, String proposedByName,
                          @Nullable Long grantedById, Instant createdAt, @Nullable Instant grantedAt, Instant updatedAt) {

        boolean approvalAsked() {
            return state.equals("PENDING_APPROVAL") || state.equals("REJECTED")
                || (grantedById != null && !grantedById.equals(proposedById));
        }

        @Nullable Long secondsToDecide() {
            Instant decided = state.equals("REJECTED") ? updatedAt : approvalAsked() ? grantedAt : null;
            return decided == null ? null : Math.max(0, Duration.between(createdAt, decided).toSeconds());
        }
    }

    /** Writes the remedies of these cases again. */
    void write(List<Long> caseIds, Instant now) {
        List<Source> remedies = jdbc.sql("""
                select r.id, r.case_id, c.customer_id, c.team_id, r.remedy_type, r.amount_minor, r.currency, r.state,
                       r.proposed_by_id, r.proposed_by_name, r.granted_by_id, r.created_at, r.granted_at, r.updated_at
                from remedies r join recovery_cases c on c.id = r.case_id where r.case_id in (:ids)""")
            .param("ids", caseIds)
            .query((rs, n) -> new Source(rs.getLong("id"), rs.getLong("case_id"), rs.getLong("customer_id"),
                rs.getObject("team_id", Long.class), rs.getString("remedy_type"),
                rs.getLong("amount_minor"), rs.getString("currency"), rs.getString("state"),
                rs.getObject("proposed_by_id", Long.class), rs.getString("proposed_by_name"),
                rs.getObject("granted_by_id", Long.class), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("granted_at") == null ? null : rs.getTimestamp("granted_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant()))
            .list();
        jdbc.sql("delete from insight_remedy_facts where case_id in (:ids)").param("ids", caseIds).update();
        if (remedies.isEmpty()) {
            return;
        }
        // A remedy merged in from another case still has its row under that case until that case is read.
        jdbc.sql("delete from insight_remedy_facts where remedy_id in (:ids)")
            .param("ids", remedies.stream().map(Source::id).toList()).update();
        StringBuilder sql = new StringBuilder("""
            insert into insight_remedy_facts (remedy_id, case_id, customer_id, team_id, remedy_type, amount_minor, currency, state,
                proposed_by_id, proposed_by_name, granted_by_id, created_at, granted_at, approval_asked, seconds_to_decide,
                refreshed_at)
            values\s""");
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < remedies.size(); i++) {
            Source r = remedies.get(i);
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            params.add(r.id());
            params.add(r.caseId());
            params.add(r.customerId());
            params.add(r.teamId());
            params.add(r.type());
            params.add(r.amountMinor());
            params.add(r.currency());
            params.add(r.state());
            params.add(r.proposedById());
            params.add(r.proposedByName());
            params.add(r.grantedById());
            params.add(Timestamp.from(r.createdAt()));
            params.add(r.grantedAt() == null ? null : Timestamp.from(r.grantedAt()));
            params.add(r.approvalAsked());
            params.add(r.secondsToDecide());
            params.add(Timestamp.from(now));
        }
        jdbc.sql(sql.toString()).params(params).update();
    }
}
