package org.redress.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.redress.shared.Conflict;
import org.redress.shared.Secrets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Idempotency keys of intake. A key is claimed by inserting it first: a concurrent
 * request with the same key waits on that insert (PostgreSQL) and then finds it taken,
 * so it answers with the case the first request made instead of making another. A new
 * case is linked to its key as it is stored ({@link CaseRecords#insertOpened}); a complaint
 * that joins an open case is linked here.
 */
@Component
class IdempotencyKeys {

    private final JdbcClient jdbc;

    IdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Empty when the key is new (now claimed); otherwise the case an earlier request with this key made. */
    Optional<Long> claim(String key, CheckedComplaint complaint, Instant now) {
        String fingerprint = fingerprint(complaint);
        int claimed = jdbc.sql("""
                insert into intake_keys (idempotency_key, fingerprint, created_at) values (?, ?, ?)
                on conflict do nothing""")
            .params(key, fingerprint, Timestamp.from(now)).update();
        if (claimed == 1) {
            return Optional.empty();
        }
        record Claimed(String fingerprint, @Nullable Long caseId) {}
        Claimed earlier = jdbc.sql("select fingerprint, case_id from intake_keys where idempotency_key = ?")
            .param(key).query(Claimed.class).single();
        if (!earlier.fingerprint().equals(fingerprint)) {
            throw new Conflict("This Idempotency-Key was already used for a different complaint; "
                + "use a new key for a new complaint.");
        }
        if (earlier.caseId() == null) {
            throw new Conflict("A request with this Idempotency-Key is still being processed; retry in a moment.");
        }
        return Optional.of(earlier.caseId());
    }

    void link(String key, long caseId) {
        jdbc.sql("update intake_keys set case_id = ? where idempotency_key = ?").params(caseId, key).update();
    }

    private static String fingerprint(CheckedComplaint complaint) {
        return Secrets.sha256Hex(complaint.toString());
    }
}
