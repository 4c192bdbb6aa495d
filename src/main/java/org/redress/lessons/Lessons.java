package org.redress.lessons;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.redress.cases.CaseNumber;
import org.redress.cases.CaseScope;
import org.redress.cases.LessonRecorded;
import org.redress.cases.PreventiveAction;
import org.redress.identity.RedressUser;
import org.redress.identity.UserManagement;
import org.redress.identity.UserSummary;
import org.redress.shared.InvalidInput;
import org.redress.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The lessons learnt and their actions: kept from the Learn step on, listed to those who may see them. */
@Service
@Transactional
public class Lessons {

    public static final int MAX_LIMIT = 500;

    /** Which lessons a list shows. */
    public enum Show {
        OPEN, OVERDUE, DONE, DROPPED, ALL;

        static Show parse(@Nullable String value) {
            if (value == null || value.isBlank()) {
                return OPEN;
            }
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw InvalidInput.field("show", "'" + value + "' is not one of open, overdue, done, dropped, all");
            }
        }
    }

    private static final String COLUMNS = "select id, case_id, root_cause, lesson, action, owner_id, owner_name, due_on, status,"
        + " recorded_at, recorded_by_name, settled_at, settled_by_name, settled_note from lessons";

    private final JdbcClient jdbc;
    private final UserManagement users;
    private final Clock clock;
    private final ZoneId businessZone;

    Lessons(JdbcClient jdbc, UserManagement users, Clock clock, ZoneId businessZone) {
        this.jdbc = jdbc;
        this.users = users;
        this.clock = clock;
        this.businessZone = businessZone;
    }

    void record(LessonRecorded recorded) {
        PreventiveAction action = recorded.action();
        String ownerName = action == null ? null : users.user(action.ownerId()).map(UserSummary::name)
            .orElse("user " + action.ownerId());
        jdbc.sql("""
                insert into lessons (case_id, root_cause, lesson, action, owner_id, owner_name, due_on, status, recorded_at,
                    recorded_by_name) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(recorded.caseId(), recorded.rootCause(), recorded.lesson(), action == null ? null : action.what(),
                action == null ? null : action.ownerId(), ownerName, action == null ? null : Date.valueOf(action.due()),
                (action == null ? Lesson.Status.NO_ACTION : Lesson.Status.OPEN).name(), Timestamp.from(recorded.recordedAt()),
                recorded.recordedBy().name())
            .update();
    }

    /**
     * The lessons this person may see (those of cases in their scope, and every action they
     * own), open ones by due date, the rest newest first; only their own actions when {@code mine}.
     */
    @Transactional(readOnly = true)
    public List<Lesson> list(RedressUser reader, @Nullable String show, boolean mine, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInput.field("limit", "must be from 1 to " + MAX_LIMIT);
        }
        Show which = Show.parse(show);
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where (" + CaseScope.of(reader).sql("case_id") + " or owner_id = ?)");
        params.add(reader.id());
        switch (which) {
            case OPEN -> where.append(" and status = 'OPEN'");
            case OVERDUE -> {
                where.append(" and status = 'OPEN' and due_on < ?");
                params.add(Date.valueOf(today()));
            }
            case DONE -> where.append(" and status = 'DONE'");
            case DROPPED -> where.append(" and status = 'DROPPED'");
            case ALL -> { }
        }
        if (mine) {
            where.append(" and owner_id = ?");
            params.add(reader.id());
        }
        String order = which == Show.OPEN || which == Show.OVERDUE ? " order by due_on, id" : " order by recorded_at desc, id desc";
        params.add(limit);
        return jdbc.sql(COLUMNS + where + order + " limit ?").params(params).query(this::lesson).list();
    }

    /** One lesson, if this person may see it. */
    @Transactional(readOnly = true)
    public Lesson one(RedressUser reader, long id) {
        return jdbc.sql(COLUMNS + " where id = ? and (" + CaseScope.of(reader).sql("case_id") + " or owner_id = ?)")
            .params(id, reader.id()).query(this::lesson).optional()
            .orElseThrow(() -> new NotFound("There is no lesson " + id + "."));
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(businessZone));
    }

    private Lesson lesson(ResultSet rs, int row) throws SQLException {
        Lesson.Status status = Lesson.Status.valueOf(rs.getString("status"));
        LocalDate due = rs.getObject("due_on", LocalDate.class);
        Timestamp settled = rs.getTimestamp("settled_at");
        long ownerId = rs.getLong("owner_id");
        boolean owned = !rs.wasNull();
        return new Lesson(rs.getLong("id"), rs.getLong("case_id"), CaseNumber.format(rs.getLong("case_id")),
            rs.getString("root_cause"), rs.getString("lesson"), rs.getString("action"), owned ? ownerId : null,
            rs.getString("owner_name"), due,
            status, status == Lesson.Status.OPEN && due != null && due.isBefore(today()),
            rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by_name"),
            settled == null ? null : settled.toInstant(), rs.getString("settled_by_name"), rs.getString("settled_note"));
    }
}
