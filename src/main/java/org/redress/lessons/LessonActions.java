package org.redress.lessons;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.redress.audit.AuditTrail;
import org.redress.identity.RedressUser;
import org.redress.identity.UserManagement;
import org.redress.identity.UserSummary;
import org.redress.shared.Conflict;
import org.redress.shared.Forbidden;
import org.redress.shared.InvalidInput;
import org.redress.shared.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seeing an action through: its owner (or a lead, manager or admin) marks it done, saying what
 * was done; a lead, manager or admin drops it, saying why, or gives it to someone else or
 * another date. Each change is audited.
 */
@Service
@Transactional
public class LessonActions {

    private static final int MAX_NOTE = 10_000;

    private final Lessons lessons;
    private final JdbcClient jdbc;
    private final UserManagement users;
    private final AuditTrail audit;
    private final Clock clock;

    LessonActions(Lessons lessons, JdbcClient jdbc, UserManagement users, AuditTrail audit, Clock clock) {
        this.lessons = lessons;
        this.jdbc = jdbc;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    public Lesson done(RedressUser by, long id, @Nullable String note) {
        Lesson lesson = open(by, id);
        if (!by.supervises() && !Long.valueOf(by.id()).equals(lesson.ownerId())) {
            throw new Forbidden("Only the action's owner, or a lead, manager or admin, can mark it done.");
        }
        return settle(by, lesson, Lesson.Status.DONE, Text.optional("note", note, MAX_NOTE), "lesson.action-done",
            "Done: " + lesson.action());
    }

    public Lesson drop(RedressUser by, long id, @Nullable String reason) {
        requireSupervisor(by, "drop an action");
        Lesson lesson = open(by, id);
        String why = Text.required("reason", reason, MAX_NOTE);
        return settle(by, lesson, Lesson.Status.DROPPED, why, "lesson.action-dropped", "Dropped: " + lesson.action() + " — " + why);
    }

    /** Gives the action to another person, another due date, or both; a new date may be overdue again, and is alerted again. */
    public Lesson change(RedressUser by, long id, @Nullable Long ownerId, @Nullable LocalDate due) {
        requireSupervisor(by, "change an action's owner or date");
        Lesson lesson = open(by, id);
        if (ownerId == null && due == null) {
            throw new InvalidInput("Give a new owner, a new due date, or both.");
        }
        if (due != null && due.isBefore(lessons.today())) {
            throw InvalidInput.field("dueOn", "is in the past; give a day from today on");
        }
        UserSummary owner = ownerId == null ? null : users.user(ownerId).filter(user -> user.active() && user.role().person())
            .orElseThrow(() -> InvalidInput.field("ownerId", "there is no active person with id " + ownerId));
        // A new date may pass too: its owner is alerted again then.
        jdbc.sql("update lessons set owner_id = coalesce(?, owner_id), owner_name = coalesce(?, owner_name),"
                + " due_on = coalesce(?, due_on)" + (due == null ? "" : ", overdue_alerted_at = null") + " where id = ?")
            .params(owner == null ? null : owner.id(), owner == null ? null : owner.name(), due == null ? null : Date.valueOf(due), id)
            .update();
        audit.record(by.actor(), "lesson.action-changed", "lesson:" + id,
            (owner == null ? "" : "owner " + owner.name()) + (owner != null && due != null ? ", " : "") + (due == null ? "" : "due " + due));
        return lessons.one(by, id);
    }

    private Lesson open(RedressUser by, long id) {
        Lesson lesson = lessons.one(by, id);
        if (lesson.status() != Lesson.Status.OPEN) {
            throw new Conflict(lesson.status() == Lesson.Status.NO_ACTION ? "Lesson " + id + " has no action to see through."
                : "The action of lesson " + id + " is already " + lesson.status().name().toLowerCase() + ".");
        }
        return lesson;
    }

    private Lesson settle(RedressUser by, Lesson lesson, Lesson.Status status, @Nullable String note, String auditAction,
                          String summary) {
        // Guarded by the status, so two people settling at once settle it once.
        int settled = jdbc.sql("update lessons set status = ?, settled_at = ?, settled_by_name = ?, settled_note = ?"
                + " where id = ? and status = 'OPEN'")
            .params(status.name(), Timestamp.from(clock.instant()), by.name(), note, lesson.id()).update();
        if (settled == 0) {
            throw new Conflict("The action of lesson " + lesson.id() + " was settled by someone else just now.");
        }
        audit.record(by.actor(), auditAction, "lesson:" + lesson.id(), summary);
        return lessons.one(by, lesson.id());
    }

    private static void requireSupervisor(RedressUser by, String what) {
        if (!by.supervises()) {
            throw new Forbidden("Only a lead, manager or admin can " + what + ".");
        }
    }
}
