package org.redress.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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

    /**
     * Claims these keys, each for the complaint given with it, in one statement (PostgreSQL: a
     * batch of complaints written together); the keys claimed now. A key used before is not
     * among them, and {@link #claim} then tells its complaint what the earlier request made.
     */
    Set<String> claimAll(List<String> keys, List<CheckedComplaint> complaints, Instant now) {
        String[] fingerprints = complaints.stream().map(IdempotencyKeys::fingerprint).toArray(String[]::new);
        return new HashSet<>(jdbc.sql("""
                insert into intake_keys (idempotency_key, fingerprint, created_at)
                select k.key, k.fingerprint, cast(? as timestamptz) from unnest(?::text[], ?::text[]) as k(key, fingerprint)
                on conflict do nothing returning idempotency_key""")
            .params(now.toString(), keys.toArray(String[]::new), fingerprints).query(String.class).list());
    }

    void link(String key, long caseId) {
        jdbc.sql("update intake_keys set case_id = ? where idempotency_key = ?").params(caseId, key).update();
    }

    private static String fingerprint(CheckedComplaint complaint) {
        return Secrets.sha256Hex(complaint.toString());
    }
}
