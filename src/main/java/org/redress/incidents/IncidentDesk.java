package org.redress.incidents;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.redress.audit.AuditTrail;
import org.redress.cases.CaseCategories;
import org.redress.identity.RedressUser;
import org.redress.shared.Checks;
import org.redress.shared.Conflict;
import org.redress.shared.Forbidden;
import org.redress.shared.InvalidInput;
import org.redress.shared.NotFound;
import org.redress.shared.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Declares, reads and closes incidents. Leads, managers and admins declare, notify and
 * close; everyone may read. Closing needs the lesson learned, and stops notices not yet
 * queued. Every change is audited in its transaction.
 */
@Service
@Transactional
class IncidentDesk {

    static final int MAX_TEXT = 5_000;

    record Declaration(@Nullable String title, @Nullable String whatHappened, @Nullable String plan, @Nullable String fixBy,
                       @Nullable String category, @Nullable Integer severity) {}

    record Row(long id, String title, String whatHappened, String plan, LocalDate fixBy, String category, int severity,
                       String status, @Nullable Instant notifyRequestedAt, boolean openCases, @Nullable String lesson,
                       Instant declaredAt, String declaredByName, @Nullable Instant closedAt, @Nullable String closedByName) {}

    private static final String SELECT = """
        select id, title, what_happened, plan, fix_by, category, severity, status, notify_requested_at, open_cases, lesson,
               declared_at, declared_by_name, closed_at, closed_by_name
        from incidents""";

    private final JdbcClient jdbc;
    private final CaseCategories categories;
    private final AuditTrail audit;
    private final ZoneId businessZone;
    private final Clock clock;

    IncidentDesk(JdbcClient jdbc, CaseCategories categories, AuditTrail audit, ZoneId businessZone, Clock clock) {
        this.jdbc = jdbc;
        this.categories = categories;
        this.audit = audit;
        this.businessZone = businessZone;
        this.clock = clock;
    }

    static void requireSupervisor(RedressUser me, String what) {
        if (!me.supervises()) {
            throw new Forbidden("Only leads, managers and admins may " + what + ".");
        }
    }

    /** Accepts {@code IN-0007} or {@code 7}. */
    static long idOf(String number) {
        String digits = number.trim().toUpperCase(java.util.Locale.ROOT).replaceFirst("^IN-", "");
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new NotFound("There is no incident " + number + ".");
        }
    }

    IncidentView declare(RedressUser me, Declaration declaration) {
        requireSupervisor(me, "declare incidents");
        Checks checks = new Checks();
        String title = checks.check(() -> Text.required("title", declaration.title(), 200).strip());
        String what = checks.check(() -> Text.required("whatHappened", declaration.whatHappened(), MAX_TEXT).strip());
        String plan = checks.check(() -> Text.required("plan", declaration.plan(), MAX_TEXT).strip());
        LocalDate fixBy = checks.check(() -> fixBy(declaration.fixBy()));
        String category = checks.check(() -> categories.require("category",
            Text.required("category", declaration.category(), 50)));
        Integer severity = checks.check(() -> {
            int value = declaration.severity() == null ? 3 : declaration.severity();
            if (value < 1 || value > 4) {
                throw InvalidInput.field("severity", "must be from 1 (critical) to 4 (low), not " + value);
            }
            return value;
        });
        checks.verify();
        Timestamp now = Timestamp.from(clock.instant());
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into incidents (title, what_happened, plan, fix_by, category, severity, status, declared_at,
                                       declared_by_id, declared_by_name, updated_at)
                values (?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?)""")
            .params(title, what, plan, fixBy, category, severity, now, me.id(), me.name(), now)
            .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record(me.actor(), "incident.declared", "incident:" + IncidentView.number(id), title);
        return get(id);
    }

    private LocalDate fixBy(@Nullable String value) {
        String text = Text.required("fixBy", value, 40).trim();
        try {
            LocalDate date = LocalDate.parse(text);
            if (date.isBefore(LocalDate.now(clock.withZone(businessZone)))) {
                throw InvalidInput.field("fixBy", "is in the past; give the date it will be fixed by");
            }
            return date;
        } catch (DateTimeParseException e) {
            throw InvalidInput.field("fixBy", "'" + value + "' is not a date (YYYY-MM-DD)");
        }
    }

    IncidentView close(RedressUser me, long id, @Nullable String lesson) {
        requireSupervisor(me, "close incidents");
        String text = Text.required("lesson", lesson, MAX_TEXT).strip();
        Row row = lock(id);
        if (!row.status().equals("OPEN")) {
            throw new Conflict("Incident " + IncidentView.number(id) + " is already closed.");
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("update incidents set status = 'CLOSED', lesson = ?, closed_at = ?, closed_by_name = ?, updated_at = ? where id = ?")
            .params(text, now, me.name(), now, id).update();
        audit.record(me.actor(), "incident.closed", "incident:" + IncidentView.number(id), text);
        return get(id);
    }

    /**
     * Asks for every affected customer (and every one added later) to be notified, and, with
     * {@code openCases}, for a linked case for each. The sweep does the work in chunks;
     * asking again changes nothing for customers already notified.
     */
    IncidentView requestNotices(RedressUser me, long id, boolean openCases) {
        requireSupervisor(me, "notify customers of incidents");
        Row row = lock(id);
        if (!row.status().equals("OPEN")) {
            throw new Conflict("Incident " + IncidentView.number(id) + " is closed; its customers are no longer notified.");
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                update incidents set notify_requested_at = coalesce(notify_requested_at, ?),
                       notify_requested_by = coalesce(notify_requested_by, ?), open_cases = open_cases or ?, updated_at = ?
                where id = ?""")
            .params(now, me.name(), openCases, now, id).update();
        audit.record(me.actor(), "incident.notify", "incident:" + IncidentView.number(id),
            openCases ? "notify every affected customer and open a case for each" : "notify every affected customer");
        return get(id);
    }

    /** The incident, locked until the transaction ends (additions and notices wait for each other). */
    Row lock(long id) {
        return jdbc.sql(SELECT + " where id = ? for update").param(id).query(Row.class).optional()
            .orElseThrow(() -> notFound(id));
    }

    @Transactional(readOnly = true)
    IncidentView get(long id) {
        Row row = jdbc.sql(SELECT + " where id = ?").param(id).query(Row.class).optional().orElseThrow(() -> notFound(id));
        return view(row, counts(List.of(id)).getOrDefault(id, IncidentView.Counts.NONE));
    }

    /** Newest first; {@code beforeId} continues a previous page. */
    @Transactional(readOnly = true)
    /** Newest first, older than {@code beforeId} when given; the caller bounds {@code limit}. */
    List<IncidentView> list(@Nullable String status, @Nullable Long beforeId, int limit) {
        String wanted = status == null || status.isBlank() ? null : status.trim().toUpperCase(java.util.Locale.ROOT);
        if (wanted != null && !wanted.equals("OPEN") && !wanted.equals("CLOSED")) {
            throw InvalidInput.field("status", "'" + status + "' is not a status; use open or closed");
        }
        List<Row> rows = jdbc.sql(SELECT + """
                 where (cast(:status as text) is null or status = :status) and (cast(:before as bigint) is null or id < :before)
                order by id desc limit :limit""")
            .param("status", wanted).param("before", beforeId).param("limit", limit).query(Row.class).list();
        Map<Long, IncidentView.Counts> counts = counts(rows.stream().map(Row::id).toList());
        return rows.stream().map(row -> view(row, counts.getOrDefault(row.id(), IncidentView.Counts.NONE))).toList();
    }

    private Map<Long, IncidentView.Counts> counts(List<Long> ids) {
        Map<Long, IncidentView.Counts> counts = new HashMap<>();
        if (ids.isEmpty()) {
            return counts;
        }
        jdbc.sql("""
                select ic.incident_id, count(*) as affected, count(c.email) as reachable, count(ic.notified_at) as notified,
                       count(ic.sent_at) as sent, count(ic.failed_at) as failed,
                       count(ic.opened_at) as opened, count(ic.replied_at) as replied, count(ic.case_id) as cases,
                       count(ic.recovered_at) as recovered
                from incident_customers ic join customers c on c.id = ic.customer_id
                where ic.incident_id in (:ids) group by ic.incident_id""")
            .param("ids", ids)
            .query((rs, n) -> counts.put(rs.getLong("incident_id"), new IncidentView.Counts(rs.getLong("affected"),
                rs.getLong("reachable"), rs.getLong("notified"),
                rs.getLong("notified") - rs.getLong("sent") - rs.getLong("failed"), rs.getLong("sent"), rs.getLong("failed"),
                rs.getLong("opened"), rs.getLong("replied"),
                rs.getLong("cases"), rs.getLong("recovered"))))
            .list();
        return counts;
    }

    private static IncidentView view(Row row, IncidentView.Counts counts) {
        return new IncidentView(row.id(), IncidentView.number(row.id()), row.title(), row.whatHappened(), row.plan(), row.fixBy(),
            row.category(), row.severity(), row.status(), row.notifyRequestedAt(), row.openCases(), row.lesson(), row.declaredAt(),
            row.declaredByName(), row.closedAt(), row.closedByName(), counts);
    }

    static NotFound notFound(long id) {
        return new NotFound("There is no incident " + IncidentView.number(id) + ".");
    }
}
