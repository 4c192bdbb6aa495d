package org.redress.risk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Inserts one row per customer, a thousand rows per statement; rows already there are kept. */
final class CustomerRows {

    private static final int PER_STATEMENT = 1_000;

    private CustomerRows() {
    }

    /** E.g. {@code insert(jdbc, "risk_sources (customer_id, source, added_at)", "(?, ?, ?)", ids, id -> List.of(id, s, t))}. */
    static void insert(JdbcClient jdbc, String table, String row, List<Long> customerIds, Function<Long, List<Object>> values) {
        for (int from = 0; from < customerIds.size(); from += PER_STATEMENT) {
            List<Long> chunk = customerIds.subList(from, Math.min(customerIds.size(), from + PER_STATEMENT));
            List<Object> params = new ArrayList<>();
            chunk.forEach(id -> params.addAll(values.apply(id)));
            jdbc.sql("insert into " + table + " values " + String.join(", ", Collections.nCopies(chunk.size(), row))
                + " on conflict do nothing").params(params).update();
        }
    }
}
