package org.redress.platform;

import java.util.Map;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;

/**
 * The primary database, or the read replica for a connection taken while a transaction marked
 * with {@link ReadReplica} begins. The choice is made once per connection: the transaction
 * keeps it to its end, and everything outside such transactions (writes, schema migrations,
 * the scheduler, health checks) uses the primary.
 */
final class ReplicaRoutingDataSource extends AbstractRoutingDataSource {

    private static final ThreadLocal<Boolean> REPLICA = ThreadLocal.withInitial(() -> false);

    ReplicaRoutingDataSource(DataSource primary, DataSource replica) {
        setTargetDataSources(Map.of("primary", primary, "replica", replica));
        setDefaultTargetDataSource(primary);
        setLenientFallback(false);
        afterPropertiesSet();
    }

    /** Runs {@code begin} (which takes the transaction's connection) so that its connection is the replica's. */
    static <T> T onReplica(Supplier<T> begin) {
        REPLICA.set(true);
        try {
            return begin.get();
        } finally {
            REPLICA.remove();
        }
    }

    @Override
    protected Object determineCurrentLookupKey() {
        return REPLICA.get() ? "replica" : "primary";
    }
}
