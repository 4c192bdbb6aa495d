package org.redress.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The append-only parts of a case: its timeline and its messages. They are written with
 * plain inserts, never as part of the aggregate, so saving a case never rewrites them.
 */
@Component
class CaseRecords {

    private final JdbcClient jdbc;

    CaseRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts a case just opened by intake, in one statement. Intake is the hottest write
     * of the product and Spring Data's generic insert costs several times more CPU; later
     * changes to the case go through the repository as usual (hence version 1 here).
     */
    RecoveryCase insertNew(RecoveryCase opened) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into recovery_cases (customer_id, channel, category, severity, subject, status, opened_at, updated_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, 1)""")
            .params(opened.customerId(), opened.channel().name(), opened.category(), opened.severity(), opened.subject(),
                opened.status().name(), Timestamp.from(opened.openedAt()), Timestamp.from(opened.updatedAt()))
            .update(keys, "id");
        opened.stored(keys.getKeyAs(Number.class).longValue());
        return opened;
    }

    /** The customer's newest open case in this category, which a new complaint joins. */
    Optional<Long> openCaseOf(long customerId, String category) {
        return jdbc.sql("""
                select id from recovery_cases
                where customer_id = ? and category = ? and status <> 'CLOSED'
                order by id desc limit 1""")
            .params(customerId, category).query(Long.class).optional();
    }

    /** Marks that something happened on the case without changing its state (and its version). */
    void touch(long caseId, Instant at) {
        jdbc.sql("update recovery_cases set updated_at = ? where id = ?").params(Timestamp.from(at), caseId).update();
    }

    /**
     * Moves a merged case's messages and timeline to the case it was merged into. The lines
     * keep their time and author and say where they came from; ordered by id as before, they
     * fall in among the surviving case's own lines in the order they happened.
     */
    void moveInto(long fromCaseId, long intoCaseId) {
        jdbc.sql("update case_messages set case_id = ? where case_id = ?").params(intoCaseId, fromCaseId).update();
        jdbc.sql("update case_timeline set case_id = ?, summary = cast(? as varchar(100)) || summary where case_id = ?")
            .params(intoCaseId, "From " + CaseNumber.format(fromCaseId) + ": ", fromCaseId).update();
    }

    /** When the customer's newest message on the case came in, or null when they have written none. */
    @Nullable Instant customerLastWroteAt(long caseId) {
        return jdbc.sql("select received_at from case_messages where case_id = ? and direction = 'INBOUND'"
                + " order by received_at desc limit 1")
            .param(caseId).query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(null);
    }

    void append(long caseId, List<RecoveryCase.Happening> happenings) {
        for (RecoveryCase.Happening happening : happenings) {
            jdbc.sql("""
                    insert into case_timeline (case_id, occurred_at, actor_id, actor_name, kind, summary, internal)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                .params(caseId, Timestamp.from(happening.at()), happening.actor().userId(), happening.actor().name(),
                    happening.kind(), happening.summary(), happening.internal())
                .update();
        }
    }

    void addInboundMessage(long caseId, Channel channel, String author, @Nullable String subject, String body,
                           Instant at) {
        addMessage(caseId, "INBOUND", channel, author, subject, body, at);
    }

    void addMessage(long caseId, String direction, Channel channel, String author, @Nullable String subject, String body,
                    Instant at) {
        jdbc.sql("""
                insert into case_messages (case_id, direction, channel, author, subject, body, received_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
            .params(caseId, direction, channel.code(), author, subject, body, Timestamp.from(at))
            .update();
    }

    List<TimelineEntry> timeline(long caseId) {
        return jdbc.sql("""
                select id, occurred_at, actor_id, actor_name, kind, summary, internal
                from case_timeline where case_id = ? order by id""")
            .param(caseId)
            .query((rs, n) -> new TimelineEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
                rs.getObject("actor_id", Long.class), rs.getString("actor_name"), rs.getString("kind"),
                rs.getString("summary"), rs.getBoolean("internal")))
            .list();
    }

    List<CaseMessage> messages(long caseId) {
        return jdbc.sql("""
                select id, direction, channel, author, subject, body, received_at
                from case_messages where case_id = ? order by id""")
            .param(caseId)
            .query((rs, n) -> new CaseMessage(rs.getLong("id"), rs.getString("direction"), rs.getString("channel"),
                rs.getString("author"), rs.getString("subject"), rs.getString("body"),
                rs.getTimestamp("received_at").toInstant()))
            .list();
    }
}
