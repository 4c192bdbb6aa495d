package org.redress.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link CaseRows}: the case row, then its steps and its tags, in the caller's transaction. */
class CaseRowsImpl implements CaseRows {

    private final JdbcClient jdbc;

    CaseRowsImpl(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<RecoveryCase> load(long id) {
        Optional<Row> row = jdbc.sql("""
                select id, customer_id, channel, category, severity, subject, status, outcome, close_reason, duplicate_of,
                       assignee_id, team_id, root_cause, responsibility, resolution, promised_by, satisfied, satisfaction,
                       opened_at, updated_at, closed_at, version
                from recovery_cases where id = ?""")
            .param(id).query((rs, n) -> new Row(rs)).optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Set<StepRecord> steps = new HashSet<>(jdbc.sql("""
                select step, done_at, done_by_id, done_by_name, note from case_steps where recovery_case = ?""")
            .param(id)
            .query((rs, n) -> new StepRecord(PlaybookStep.valueOf(rs.getString("step")), instant(rs, "done_at"),
                rs.getObject("done_by_id", Long.class), rs.getString("done_by_name"), rs.getString("note")))
            .list());
        Set<Tag> tags = new HashSet<>(jdbc.sql("select name from case_tags where recovery_case = ?").param(id)
            .query((rs, n) -> new Tag(rs.getString("name"))).list());
        return row.map(r -> r.recoveryCase(steps, tags));
    }

    /** The case's own columns, read while the result set is open. */
    private static final class Row {

        private final long id;
        private final long customerId;
        private final Channel channel;
        private final String category;
        private final int severity;
        private final String subject;
        private final CaseStatus status;
        private final @Nullable Outcome outcome;
        private final @Nullable CloseReason closeReason;
        private final @Nullable Long duplicateOf;
        private final @Nullable Long assigneeId;
        private final @Nullable Long teamId;
        private final @Nullable String rootCause;
        private final @Nullable Responsibility responsibility;
        private final @Nullable String resolution;
        private final @Nullable LocalDate promisedBy;
        private final @Nullable Boolean satisfied;
        private final @Nullable Integer satisfaction;
        private final Instant openedAt;
        private final Instant updatedAt;
        private final @Nullable Instant closedAt;
        private final int version;

        Row(ResultSet rs) throws SQLException {
            id = rs.getLong("id");
            customerId = rs.getLong("customer_id");
            channel = Channel.valueOf(rs.getString("channel"));
            category = rs.getString("category");
            severity = rs.getInt("severity");
            subject = rs.getString("subject");
            status = CaseStatus.valueOf(rs.getString("status"));
            outcome = named(Outcome.class, rs.getString("outcome"));
            closeReason = named(CloseReason.class, rs.getString("close_reason"));
            duplicateOf = rs.getObject("duplicate_of", Long.class);
            assigneeId = rs.getObject("assignee_id", Long.class);
            teamId = rs.getObject("team_id", Long.class);
            rootCause = rs.getString("root_cause");
            responsibility = named(Responsibility.class, rs.getString("responsibility"));
            resolution = rs.getString("resolution");
            promisedBy = rs.getObject("promised_by", LocalDate.class);
            satisfied = rs.getObject("satisfied", Boolean.class);
            satisfaction = rs.getObject("satisfaction", Integer.class);
            openedAt = instant(rs, "opened_at");
            updatedAt = instant(rs, "updated_at");
            Timestamp closed = rs.getTimestamp("closed_at");
            closedAt = closed == null ? null : closed.toInstant();
            version = rs.getInt("version");
        }

        RecoveryCase recoveryCase(Set<StepRecord> steps, Set<Tag> tags) {
            return new RecoveryCase(id, customerId, channel, category, severity, subject, status, outcome, closeReason,
                duplicateOf, assigneeId, teamId, rootCause, responsibility, resolution, promisedBy, satisfied, satisfaction,
                openedAt, updatedAt, closedAt, version, steps, tags);
        }
    }

    private static <E extends Enum<E>> @Nullable E named(Class<E> type, @Nullable String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }
}
