package org.redress.audit;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;
import org.redress.platform.PendingRows;
import org.redress.shared.Actor;
import org.redress.shared.Redaction;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Records changes. Callers invoke it in the transaction that makes the change, so an
 * audit entry exists exactly when the change does.
 */
@Service
public class AuditTrail {

    /** One line of the audit log. {@code subject} names what changed, e.g. {@code case:RC-000042}. */
    @Schema(name = "AuditEntry", description = "A change: who made it, when, to what.")
    public record Entry(
        @Schema(description = "Identifier; increases with time.") long id,
        @Schema(description = "When the change was made.") Instant occurredAt,
        @Schema(description = "The user who made it; null for Redress itself.") @Nullable Long actorId,
        @Schema(description = "Who made it.") String actorName,
        @Schema(description = "What was done, e.g. `case.closed`, `user.changed`.") String action,
        @Schema(description = "What was changed, e.g. `case:RC-000042`, `user:3`.") String subject,
        @Schema(description = "Details of the change.") @Nullable String details) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId businessZone;
    private final Consumer<List<Line>> writer = this::write;

    /** One line of the log, as recorded. */
    private record Line(Timestamp occurredAt, @Nullable Long actorId, String actorName, String action, String subject,
                        @Nullable String details) {}

    AuditTrail(JdbcClient jdbc, Clock clock, ZoneId businessZone) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.businessZone = businessZone;
    }

    /**
     * Records a change. In a transaction the line is written with the transaction's other lines
     * just before it commits ({@link PendingRows}); outside one, at once.
     */
    public void record(Actor actor, String action, String subject, @Nullable String details) {
        PendingRows.add(writer, new Line(Timestamp.from(clock.instant()), actor.userId(), actor.name(), action, subject,
            details));
    }

    private void write(List<Line> lines) {
        StringBuilder sql = new StringBuilder("insert into audit_log (occurred_at, actor_id, actor_name, action, subject, details) values ");
        List<Object> params = new ArrayList<>(lines.size() * 6);
        for (Line line : lines) {
            sql.append(params.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?)");
            params.add(line.occurredAt());
            params.add(line.actorId() == null ? new SqlParameterValue(Types.BIGINT, null) : line.actorId());
            params.addAll(Arrays.asList(line.actorName(), line.action(), line.subject(),
                line.details() == null ? new SqlParameterValue(Types.VARCHAR, null) : line.details()));
        }
        jdbc.sql(sql.toString()).params(params).update();
    }

    /** What this transaction recorded so far is written before the log is read. */
    private void writePending() {
        PendingRows.settle(writer);
    }

    /**
     * Takes a person's identifiers out of the details of the entries about them ({@code subjects}) and of any
     * other entry that names them ({@code mentions}: their email or reference), for the erasure of their
     * personal data. The entries stay: who did what and when is still on record, without them.
     */
    public int redact(Collection<String> subjects, Collection<String> mentions, Redaction redaction) {
        writePending();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("subjects", subjects.isEmpty() ? List.of("") : subjects);
        StringBuilder where = new StringBuilder("subject in (:subjects)");
        int i = 0;
        for (String mention : mentions) {
            if (mention != null && !mention.isBlank()) {
                params.put("mention" + i, "%" + mention.toLowerCase(Locale.ROOT) + "%");
                where.append(" or lower(details) like :mention").append(i++);
            }
        }
        record Details(long id, String details) {}
        int changed = 0;
        for (Details row : jdbc.sql("select id, details from audit_log where details is not null and (" + where + ")")
                .params(params).query(Details.class).list()) {
            String redacted = redaction.apply(row.details());
            if (!row.details().equals(redacted)) {
                changed += jdbc.sql("update audit_log set details = ? where id = ?").params(redacted, row.id()).update();
            }
        }
        return changed;
    }

    /**
     * Which entries to show; each part left null matches all. {@code from} and {@code to}
     * are whole days in the business time zone, both included.
     */
    @Schema(hidden = true)
    public record Filter(@Nullable String subject, @Nullable Long actorId, @Nullable String action,
                         @Nullable LocalDate from, @Nullable LocalDate to) {

        public static Filter none() {
            return new Filter(null, null, null, null, null);
        }
    }

    /** Newest first; {@code beforeId} continues a previous page (keyset pagination). */
    public List<Entry> page(@Nullable String subject, @Nullable Long beforeId, int limit) {
        return page(new Filter(subject, null, null, null, null), beforeId, limit);
    }

    /** The entries that match the filter, newest first; {@code beforeId} continues a previous page. */
    public List<Entry> page(Filter filter, @Nullable Long beforeId, int limit) {
        writePending();
        return jdbc.sql("""
                select id, occurred_at, actor_id, actor_name, action, subject, details
                from audit_log
                where (cast(:subject as text) is null or subject = :subject)
                  and (cast(:actor as bigint) is null or actor_id = :actor)
                  and (cast(:action as text) is null or action = :action)
                  and (cast(:from as timestamp with time zone) is null or occurred_at >= :from)
                  and (cast(:to as timestamp with time zone) is null or occurred_at < :to)
                  and (cast(:before as bigint) is null or id < :before)
                order by id desc
                limit :limit""")
            .param("subject", filter.subject())
            .param("actor", filter.actorId())
            .param("action", filter.action())
            .param("from", filter.from() == null ? null : Timestamp.from(filter.from().atStartOfDay(businessZone).toInstant()))
            .param("to", filter.to() == null ? null
                : Timestamp.from(filter.to().plusDays(1).atStartOfDay(businessZone).toInstant()))
            .param("before", beforeId)
            .param("limit", limit)
            .query((rs, n) -> new Entry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
                    rs.getObject("actor_id", Long.class), rs.getString("actor_name"),
                    rs.getString("action"), rs.getString("subject"), rs.getString("details")))
            .list();
    }

    /** Someone who appears in the log, by the name they had when they last acted. */
    @Schema(name = "AuditActor", description = "Someone who made changes.")
    public record Person(@Schema(description = "User id.") long id, @Schema(description = "Name.") String name) {}

    /** Everyone who made a change (Redress itself aside), by name: the choices of the actor filter. */
    public List<Person> actors() {
        writePending();
        return jdbc.sql("""
                select a.actor_id, a.actor_name from audit_log a
                join (select actor_id, max(id) as last_id from audit_log where actor_id is not null group by actor_id) l
                  on l.last_id = a.id
                order by a.actor_name""")
            .query((rs, n) -> new Person(rs.getLong("actor_id"), rs.getString("actor_name"))).list();
    }

    /** Every action recorded so far, alphabetically: the choices of the action filter. */
    public List<String> actions() {
        writePending();
        return jdbc.sql("select distinct action from audit_log order by action").query(String.class).list();
    }
}
