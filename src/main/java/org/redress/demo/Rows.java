package org.redress.demo;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Rows for one table, written a few hundred to a statement (one multi-row insert is far
 * cheaper than as many single ones, on H2 and PostgreSQL alike). Instants and dates are
 * turned into their JDBC types as they are added.
 */
final class Rows {

    // Well under PostgreSQL's limit of bind parameters per statement for the widest table here.
    private static final int PER_STATEMENT = 400;

    private final JdbcClient jdbc;
    private final String insert;
    private final String placeholders;
    private final List<Object[]> rows = new ArrayList<>();

    Rows(JdbcClient jdbc, String table, String columns) {
        this.jdbc = jdbc;
        this.insert = "insert into " + table + " (" + columns + ") values ";
        int count = columns.split(",").length;
        this.placeholders = "(" + String.join(", ", Collections.nCopies(count, "?")) + ")";
    }

    Rows add(@Nullable Object... values) {
        Object[] row = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            row[i] = values[i] instanceof Instant at ? Timestamp.from(at)
                : values[i] instanceof LocalDate day ? java.sql.Date.valueOf(day) : values[i];
        }
        rows.add(row);
        return this;
    }

    int size() {
        return rows.size();
    }

    void write() {
        for (int from = 0; from < rows.size(); from += PER_STATEMENT) {
            statement(from).update();
        }
        rows.clear();
    }

    /** Writes the rows and returns the ids the database gave them, in the order they were added. */
    List<Long> writeReturningIds() {
        List<Long> ids = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += PER_STATEMENT) {
            GeneratedKeyHolder keys = new GeneratedKeyHolder();
            statement(from).update(keys, "id");
            for (Map<String, Object> key : keys.getKeyList()) {
                ids.add(((Number) key.values().iterator().next()).longValue());
            }
        }
        if (ids.size() != rows.size()) {
            throw new IllegalStateException("expected " + rows.size() + " ids, got " + ids.size());
        }
        rows.clear();
        return ids;
    }

    private JdbcClient.StatementSpec statement(int from) {
        List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + PER_STATEMENT));
        StringBuilder sql = new StringBuilder(insert);
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < chunk.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(placeholders);
            Collections.addAll(params, chunk.get(i));
        }
        return jdbc.sql(sql.toString()).params(params);
    }
}
