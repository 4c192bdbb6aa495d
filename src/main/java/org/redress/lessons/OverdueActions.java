package org.redress.lessons;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.redress.cases.CaseNumber;
import org.redress.notifications.AlertInbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Alerts the owner of each action still open after its due date, once (again only when a lead
 * gives it a new date that passes too). The alert and its mark commit together.
 */
@Component
class OverdueActions {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final Lessons lessons;
    private final JdbcClient jdbc;
    private final AlertInbox alerts;
    private final Clock clock;

    OverdueActions(Lessons lessons, JdbcClient jdbc, AlertInbox alerts, Clock clock) {
        this.lessons = lessons;
        this.jdbc = jdbc;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** Returns how many owners it alerted. */
    @Transactional
    public int alertOwners() {
        record Overdue(long id, long caseId, long ownerId, String action, LocalDate due) {}
        List<Overdue> overdue = jdbc.sql("select id, case_id, owner_id, action, due_on from lessons"
                + " where status = 'OPEN' and due_on < ? and overdue_alerted_at is null order by id limit 500")
            .param(Date.valueOf(lessons.today()))
            .query((rs, n) -> new Overdue(rs.getLong("id"), rs.getLong("case_id"), rs.getLong("owner_id"), rs.getString("action"),
                rs.getObject("due_on", LocalDate.class)))
            .list();
        for (Overdue one : overdue) {
            jdbc.sql("update lessons set overdue_alerted_at = ? where id = ?").params(Timestamp.from(clock.instant()), one.id()).update();
            alerts.raise(List.of(one.ownerId()), one.caseId(), "lesson.action-overdue", "Your action from the lesson of "
                + CaseNumber.format(one.caseId()) + " was due on " + one.due().format(DAY) + " and is not done: " + one.action());
        }
        return overdue.size();
    }
}
