package org.redress.customers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.redress.shared.Redaction;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One step of erasing a customer's personal data from a module's tables: a statement that
 * deletes or overwrites rows (with the subject's parameters, see {@link DataRows#parameters}),
 * or a redaction that takes the customer's identifiers out of free-text columns and leaves the
 * rest of the text, and the rows, in place.
 */
public sealed interface Erasure {

    /** Counts the rows it changed. */
    int apply(JdbcClient jdbc, PersonalDataSection.Subject subject);

    /** A statement run as it is, e.g. {@code update outbox set body_text = :erased where case_id in (:cases)}. */
    static Erasure sql(String statement) {
        return new Statement(statement);
    }

    /** Redacts {@code columns} of the rows of {@code table} (keyed by {@code id}) that {@code where} selects. */
    static Erasure redact(String table, String where, String... columns) {
        return new Redact(table, List.of("id"), where, List.of(columns));
    }

    /** As {@link #redact}, for a table whose rows are keyed by several columns. */
    static Erasure redactKeyed(String table, List<String> keys, String where, String... columns) {
        return new Redact(table, List.copyOf(keys), where, List.of(columns));
    }

    record Statement(String sql) implements Erasure {
        @Override
        public int apply(JdbcClient jdbc, PersonalDataSection.Subject subject) {
            return jdbc.sql(sql).params(DataRows.parameters(subject)).update();
        }
    }

    record Redact(String table, List<String> keys, String where, List<String> columns) implements Erasure {
        @Override
        public int apply(JdbcClient jdbc, PersonalDataSection.Subject subject) {
            List<String> selected = new ArrayList<>(keys);
            selected.addAll(columns);
            String query = "select " + String.join(", ", selected) + " from " + table + " where " + where;
            String update = "update " + table + " set " + String.join(", ", columns.stream().map(c -> c + " = ?").toList())
                + " where " + String.join(" and ", keys.stream().map(k -> k + " = ?").toList());
            Redaction redaction = subject.redaction();
            int changed = 0;
            // The rows' maps ignore case: PostgreSQL names columns in lower case, H2 in upper case.
            for (Map<String, Object> row : jdbc.sql(query).params(DataRows.parameters(subject)).query().listOfRows()) {
                List<@Nullable Object> values = new ArrayList<>();
                boolean differs = false;
                for (String column : columns) {
                    String before = (String) row.get(column);
                    String after = redaction.apply(before);
                    differs |= !Objects.equals(before, after);
                    values.add(after);
                }
                if (differs) {
                    keys.forEach(key -> values.add(row.get(key)));
                    changed += jdbc.sql(update).params(values).update();
                }
            }
            return changed;
        }
    }
}
