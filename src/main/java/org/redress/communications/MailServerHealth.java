package org.redress.communications;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.redress.identity.Role;
import org.redress.identity.UserManagement;
import org.redress.identity.UserSummary;
import org.redress.notifications.AlertInbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether the mail server is taking our email, kept in the database so every node (and
 * every admin's console) sees the same. An outage starts with the first attempt the server
 * does not answer and ends with the first message it takes; admins are alerted once when it
 * starts and once when it ends, however many nodes and retries there are in between.
 */
@Component
class MailServerHealth {

    /** The state the admins' banner and the Mail page show. */
    record Status(@Nullable Instant failingSince, @Nullable String lastError, @Nullable Instant lastSentAt) {

        public boolean failing() {
            return failingSince != null;
        }
    }

    private final JdbcClient jdbc;
    private final AlertInbox alerts;
    private final UserManagement users;
    private final MailRoute route;

    MailServerHealth(JdbcClient jdbc, AlertInbox alerts, UserManagement users, MailRoute route) {
        this.jdbc = jdbc;
        this.alerts = alerts;
        this.users = users;
        this.route = route;
    }

    /** The server took messages: an outage, if there was one, is over. */
    @Transactional(propagation = Propagation.MANDATORY)
    void delivered(Instant at) {
        int recovered = jdbc.sql("""
                update mail_server_status set failing_since = null, last_error = null, last_sent_at = ?
                where id = 1 and failing_since is not null""").param(Timestamp.from(at)).update();
        if (recovered == 1) {
            alerts.raise(admins(), null, "mail.recovered", "Email to customers is going out again through " + route.where()
                + "; the messages that waited are being sent.");
        } else {
            jdbc.sql("update mail_server_status set last_sent_at = ? where id = 1").param(Timestamp.from(at)).update();
        }
    }

    /** The server could not be reached at all (not a refused address: nothing was taken). */
    @Transactional(propagation = Propagation.MANDATORY)
    void unreachable(String why, Instant at) {
        int started = jdbc.sql("""
                update mail_server_status set failing_since = ?, last_error = ? where id = 1 and failing_since is null""")
            .params(Timestamp.from(at), why).update();
        if (started == 1) {
            alerts.raise(admins(), null, "mail.unreachable", "Email to customers is not going out: " + route.where()
                + " did not answer (" + why + "). Messages wait in the outbox and are retried; see Admin > Mail.");
        } else {
            jdbc.sql("update mail_server_status set last_error = ? where id = 1").param(why).update();
        }
    }

    Status status() {
        return jdbc.sql("select failing_since, last_error, last_sent_at from mail_server_status where id = 1")
            .query((rs, n) -> new Status(instant(rs.getTimestamp("failing_since")), rs.getString("last_error"),
                instant(rs.getTimestamp("last_sent_at"))))
            .optional().orElse(new Status(null, null, null));
    }

    private List<Long> admins() {
        return users.users().stream().filter(user -> user.active() && user.role() == Role.ADMIN).map(UserSummary::id).toList();
    }

    private static @Nullable Instant instant(@Nullable Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
