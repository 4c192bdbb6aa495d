package org.redress.customers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A module's section of a customer's personal data that lives in its tables: exported as each
 * part's rows (a name and a query with the subject's parameters, see {@link DataRows#of}), and
 * erased by the module's {@link #erasures()}, run in order.
 */
public abstract class TableSection implements PersonalDataSection {

    private final JdbcClient jdbc;
    private final String name;
    private final String[] parts;

    /** {@code parts}: name, query, name, query… (none for a module that holds nothing to give back). */
    protected TableSection(JdbcClient jdbc, String name, String... parts) {
        if (parts.length % 2 != 0) {
            throw new IllegalArgumentException("each part of " + name + " needs a name and a query");
        }
        this.jdbc = jdbc;
        this.name = name;
        this.parts = parts.clone();
    }

    /** How the module's rows about the subject are erased or anonymised, in order. */
    protected abstract List<Erasure> erasures();

    @Override
    public String name() {
        return name;
    }

    @Override
    public Object export(Subject subject) {
        Map<String, Object> section = new LinkedHashMap<>();
        for (int i = 0; i < parts.length; i += 2) {
            section.put(parts[i], DataRows.of(jdbc, parts[i + 1], subject));
        }
        return section;
    }

    /** The audit log's subjects {@code prefix + id} for the ids the query (with the subject's parameters) gives. */
    protected List<String> auditSubjects(String prefix, String query, Subject subject) {
        return jdbc.sql(query).params(DataRows.parameters(subject)).query(Long.class).list().stream().map(id -> prefix + id).toList();
    }

    @Override
    public int erase(Subject subject) {
        int changed = 0;
        for (Erasure erasure : erasures()) {
            changed += erasure.apply(jdbc, subject);
        }
        return changed;
    }
}
