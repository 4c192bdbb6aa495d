package org.redress.cases;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.redress.identity.RedressUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who else has a case open, and who is writing on it: each open case page sends a heartbeat;
 * a person counts as there for {@link #FRESH} after their last one. Kept in the database
 * (not in a node's memory) so that people served by different nodes see each other.
 */
@Service
@Transactional
public class CasePresence {

    /** How long a heartbeat counts; pages send one every 10 s. */
    static final Duration FRESH = Duration.ofSeconds(30);

    /** Another person on the case. */
    public record Present(String name, boolean writing) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    CasePresence(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records that the person has the case open (and whether they are writing); returns the others there now. */
    public List<Present> beat(long caseId, RedressUser me, boolean writing) {
        Timestamp now = Timestamp.from(clock.instant());
        // Update, else insert: the same statements on PostgreSQL and H2 (H2 has no "on conflict do update").
        int updated = jdbc.sql("update case_presence set writing = ?, seen_at = ?, user_name = ? where case_id = ? and user_id = ?")
            .params(writing, now, me.name(), caseId, me.id()).update();
        if (updated == 0) {
            jdbc.sql("insert into case_presence (case_id, user_id, user_name, writing, seen_at) values (?, ?, ?, ?, ?)"
                    + " on conflict do nothing")
                .params(caseId, me.id(), me.name(), writing, now).update();
        }
        Instant stale = clock.instant().minus(FRESH);
        // Forget what no longer counts, on this case and of this person elsewhere, so the table stays small.
        jdbc.sql("delete from case_presence where (case_id = ? or user_id = ?) and seen_at < ?")
            .params(caseId, me.id(), Timestamp.from(stale.minus(FRESH))).update();
        return jdbc.sql("select user_name, writing from case_presence where case_id = ? and user_id <> ? and seen_at >= ?"
                + " order by user_name")
            .params(caseId, me.id(), Timestamp.from(stale))
            .query((rs, n) -> new Present(rs.getString("user_name"), rs.getBoolean("writing"))).list();
    }
}
