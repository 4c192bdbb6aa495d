package org.redress.insights.digest;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.redress.identity.UserManagement;
import org.redress.identity.UserSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who gets a week's digest and who already has it. Readers are the active leads, managers and
 * admins (who may read the Insights page) who have not switched it off. {@code insight_digests}
 * holds one row per person and week, written in the transaction that queues their email, so
 * the email is queued once per person and week however often, and on however many nodes,
 * the digest runs.
 */
@Component
class DigestReaders {

    private final UserManagement users;
    private final DigestPreference preference;
    private final JdbcClient jdbc;
    private final Clock clock;

    DigestReaders(UserManagement users, DigestPreference preference, JdbcClient jdbc, Clock clock) {
        this.users = users;
        this.preference = preference;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The readers who have not been sent this week's digest yet. */
    List<UserSummary> waitingFor(DigestWeek week) {
        Set<Long> off = preference.switchedOff();
        Set<Long> sent = new HashSet<>(jdbc.sql("select user_id from insight_digests where week_from = ?")
            .param(Date.valueOf(week.days().from())).query(Long.class).list());
        return users.users().stream()
            .filter(user -> user.active() && user.role().supervises())
            .filter(user -> !off.contains(user.id()) && !sent.contains(user.id()))
            .toList();
    }

    /**
     * Takes the reader's digest of the week for this transaction; false when it was taken already
     * (a concurrent run, which has sent or will send it).
     */
    boolean claim(long userId, DigestWeek week) {
        return jdbc.sql("insert into insight_digests (user_id, week_from, queued_at) values (?, ?, ?) on conflict do nothing")
            .params(userId, Date.valueOf(week.days().from()), Timestamp.from(clock.instant())).update() == 1;
    }

    /** Which email it was, to find it on the Mail page. */
    void queued(long userId, DigestWeek week, String messageId) {
        jdbc.sql("update insight_digests set message_id = ? where user_id = ? and week_from = ?")
            .params(messageId, userId, Date.valueOf(week.days().from())).update();
    }
}
