package org.redress.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.redress.cases.CaseNumber;
import org.redress.shared.InvalidInput;
import org.redress.shared.NotFound;
import org.redress.shared.Paging;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each user's alerts: raised in the transaction of what caused them, read by their owner only. */
@Service
@Transactional
public class AlertInbox {

    public static final int MAX_LIMIT = 200;

    private final JdbcClient jdbc;
    private final Clock clock;

    AlertInbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Raises one alert for each of these users (each once, however often named), in the
     * caller's transaction; for modules that decide themselves who must know.
     */
    public void raise(Collection<Long> userIds, @Nullable Long caseId, String kind, String text) {
        for (Long userId : new LinkedHashSet<>(userIds)) {
            jdbc.sql("insert into staff_alerts (user_id, case_id, kind, text, created_at) values (?, ?, ?, ?, ?)")
                .params(userId, caseId, kind, text, Timestamp.from(clock.instant())).update();
        }
    }

    /** The user's alerts, newest first. */
    @Transactional(readOnly = true)
    public List<StaffAlert> of(long userId, boolean unreadOnly, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInput.field("limit", "must be from 1 to " + MAX_LIMIT);
        }
        return query(" where user_id = ?" + (unreadOnly ? " and read_at is null" : "") + " order by id desc limit ?",
            userId, limit);
    }

    /** A page of the user's alerts for the API, newest first. */
    @Transactional(readOnly = true)
    public Paging.Page<StaffAlert> page(long userId, boolean unreadOnly, @Nullable String cursor, int limit) {
        Paging.limit(limit, MAX_LIMIT);
        Long before = Paging.position(cursor);
        List<StaffAlert> fetched = query(" where user_id = ?" + (unreadOnly ? " and read_at is null" : "") + " and id < ?"
            + " order by id desc limit ?", userId, before == null ? Long.MAX_VALUE : before, limit + 1);
        return Paging.of(fetched, limit, StaffAlert::id);
    }

    private List<StaffAlert> query(String condition, Object... params) {
        return jdbc.sql("select id, case_id, kind, text, created_at, read_at from staff_alerts" + condition)
            .params(params)
            .query((rs, n) -> {
                long caseId = rs.getLong("case_id");
                boolean aboutCase = !rs.wasNull();
                Timestamp read = rs.getTimestamp("read_at");
                return new StaffAlert(rs.getLong("id"), aboutCase ? caseId : null, aboutCase ? CaseNumber.format(caseId) : null,
                    rs.getString("kind"), rs.getString("text"), rs.getTimestamp("created_at").toInstant(),
                    read == null ? null : read.toInstant());
            })
            .list();
    }

    @Transactional(readOnly = true)
    public long unread(long userId) {
        return jdbc.sql("select count(*) from staff_alerts where user_id = ? and read_at is null")
            .param(userId).query(Long.class).single();
    }

    /** Marks one of the user's alerts read and returns it; another user's alert is "not found". */
    public StaffAlert markRead(long userId, long alertId) {
        jdbc.sql("update staff_alerts set read_at = coalesce(read_at, ?) where id = ? and user_id = ?")
            .params(Timestamp.from(clock.instant()), alertId, userId).update();
        return query(" where user_id = ? and id = ?", userId, alertId).stream().findFirst()
            .orElseThrow(() -> new NotFound("There is no alert " + alertId + "."));
    }

    /** Marks all the user's alerts read; returns how many were unread. */
    public int markAllRead(long userId) {
        return jdbc.sql("update staff_alerts set read_at = ? where user_id = ? and read_at is null")
            .params(Timestamp.from(clock.instant()), userId).update();
    }
}
