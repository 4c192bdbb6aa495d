package org.redress.links;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Per case, the moment its latest link was issued ({@code case_links}); the moment gives back the link. */
@Repository
class IssuedLinks {

    private final JdbcClient jdbc;

    IssuedLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void remember(long caseId, Instant issuedAt) {
        Timestamp at = Timestamp.from(issuedAt);
        // Update, else insert: the same statements on PostgreSQL and H2 (H2 has no "on conflict do update").
        if (jdbc.sql("update case_links set issued_at = ? where case_id = ?").params(at, caseId).update() == 0
            && jdbc.sql("insert into case_links (case_id, issued_at) values (?, ?) on conflict do nothing")
                .params(caseId, at).update() == 0) {
            // Another transaction inserted the row meanwhile: this later link is the latest.
            jdbc.sql("update case_links set issued_at = ? where case_id = ?").params(at, caseId).update();
        }
    }

    Optional<Instant> latest(long caseId) {
        return jdbc.sql("select issued_at from case_links where case_id = ?").param(caseId)
            .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }
}
