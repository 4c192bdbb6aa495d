package org.redress.customers;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A module's section of a personal-data export that is its tables' rows about the subject: each
 * part a name and a query with the subject's parameters (see {@link DataRows#of}), in order.
 */
public abstract class TableSection implements PersonalDataSection {

    private final JdbcClient jdbc;
    private final String name;
    private final String[] parts;

    /** {@code parts}: name, query, name, query… */
    protected TableSection(JdbcClient jdbc, String name, String... parts) {
        if (parts.length % 2 != 0) {
            throw new IllegalArgumentException("each part of " + name + " needs a name and a query");
        }
        this.jdbc = jdbc;
        this.name = name;
        this.parts = parts.clone();
    }

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
}
