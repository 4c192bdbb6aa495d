package org.redress.cases;

import java.sql.Timestamp;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
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
                           java.time.Instant at) {
        jdbc.sql("""
                insert into case_messages (case_id, direction, channel, author, subject, body, received_at)
                values (?, 'INBOUND', ?, ?, ?, ?, ?)""")
            .params(caseId, channel.code(), author, subject, body, Timestamp.from(at))
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
