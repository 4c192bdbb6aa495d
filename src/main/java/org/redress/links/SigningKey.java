package org.redress.links;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The HMAC key case links are signed with: kept in {@code signing_keys} under the name
 * {@value #NAME} (the name links have been signed under since the first release, so links
 * already sent keep working), made by the first node that needs it, the same on every node.
 */
@Component
class SigningKey {

    static final String NAME = "customer-links";

    private final @Nullable JdbcClient jdbc;
    private final @Nullable Clock clock;
    private final @Nullable TransactionTemplate ownTransaction;
    private volatile byte @Nullable [] key;

    @Autowired
    SigningKey(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        // Its own read-write transaction: the first link checked may come from a read-only one.
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A key known already, for checking tokens without a database. */
    SigningKey(byte[] known) {
        this.jdbc = null;
        this.clock = null;
        this.ownTransaction = null;
        this.key = known.clone();
    }

    byte[] bytes() {
        byte[] known = key;
        if (known == null) {
            known = ownTransaction == null ? loadOrCreate() : ownTransaction.execute(status -> loadOrCreate());
            key = known;
        }
        return known;
    }

    // The first node to get here stores its key; every node then uses the stored one.
    private byte[] loadOrCreate() {
        if (jdbc == null || clock == null) {
            throw new IllegalStateException("a key without a database must be given");
        }
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        jdbc.sql("insert into signing_keys (name, secret, created_at) values (?, ?, ?) on conflict do nothing")
            .params(NAME, Base64.getEncoder().encodeToString(fresh), Timestamp.from(clock.instant())).update();
        return Base64.getDecoder().decode(jdbc.sql("select secret from signing_keys where name = ?")
            .param(NAME).query(String.class).single());
    }
}
