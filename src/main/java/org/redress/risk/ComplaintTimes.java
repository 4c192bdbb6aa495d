package org.redress.risk;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.redress.platform.PendingRows;
import org.redress.platform.SqlDialect;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When each customer last spoke up (a case opened on any channel but our own outreach): the
 * {@code complained_at} of their risk row, which keeps them off the silent list. Every intake
 * passes here, so the times a transaction records are written when it commits, for all its
 * customers in one statement (a batch of complaints written together opens many cases). Until
 * then outreach, which reads that column in a transaction that may have opened a case,
 * {@link #settle settles} them first; the risk views read it in transactions of their own.
 */
@Component
class ComplaintTimes {

    /** A customer who complained at that time. */
    private record Complained(long customerId, Instant at) {}

    private final JdbcClient jdbc;
    private final SqlDialect dialect;
    // One object for the life of the application: the transaction's held-back rows are found by it.
    private final Consumer<List<Complained>> write = this::write;

    ComplaintTimes(JdbcClient jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    void complained(long customerId, Instant at) {
        PendingRows.add(write, new Complained(customerId, at));
    }

    /** Writes the times this transaction holds back, if any, now. */
    void settle() {
        PendingRows.settle(write);
    }

    private void write(List<Complained> held) {
        // One row per customer, the latest time: PostgreSQL refuses to update a row twice in one statement.
        Map<Long, Instant> latest = new LinkedHashMap<>();
        held.forEach(complained -> latest.merge(complained.customerId(), complained.at(),
            (one, other) -> one.isAfter(other) ? one : other));
        if (dialect.postgres()) {
            // Arrays: one statement text for any number of customers, so its plan is made once per connection.
            long[] customers = latest.keySet().stream().mapToLong(Long::longValue).toArray();
            String[] times = latest.values().stream().map(Instant::toString).toArray(String[]::new);
            jdbc.sql("insert into customer_risk (customer_id, score, scored_at, complained_at)"
                    + " select u.customer_id, 0, u.at, u.at from unnest(?::bigint[], ?::timestamptz[]) as u(customer_id, at)"
                    + " on conflict (customer_id) do update set complained_at = excluded.complained_at")
                .params(customers, times).update();
            return;
        }
        latest.forEach((customerId, at) -> {
            Timestamp when = Timestamp.from(at);
            if (jdbc.sql("update customer_risk set complained_at = ? where customer_id = ?").params(when, customerId).update() == 0) {
                jdbc.sql("insert into customer_risk (customer_id, score, scored_at, complained_at) values (?, 0, ?, ?)"
                        + " on conflict do nothing")
                    .params(customerId, when, when).update();
            }
        });
    }
}
