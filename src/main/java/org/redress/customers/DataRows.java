package org.redress.customers;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.redress.shared.Redaction;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows as a personal-data export gives them: each column by name, moments as ISO-8601 text,
 * whatever the database's driver returns for them (PostgreSQL and H2 differ).
 */
public final class DataRows {

    private DataRows() {
    }

    /** The rows of a query with the subject's named {@link #parameters}. */
    public static List<Map<String, @Nullable Object>> of(JdbcClient jdbc, String sql, PersonalDataSection.Subject subject) {
        List<Map<String, @Nullable Object>> rows = new ArrayList<>();
        for (Map<String, Object> row : jdbc.sql(sql).params(parameters(subject)).query().listOfRows()) {
            Map<String, @Nullable Object> clean = new LinkedHashMap<>();
            row.forEach((column, value) -> clean.put(column.toLowerCase(Locale.ROOT), plain(value)));
            rows.add(clean);
        }
        return rows;
    }

    /**
     * The subject's named parameters for a section's queries and erasure statements: {@code :customer}, {@code :cases}
     * (their case ids), {@code :email}, {@code :ref} (their reference), {@code :pseudonym} (what their reference
     * becomes when erased) and {@code :erased} (what erased text becomes).
     */
    public static Map<String, Object> parameters(PersonalDataSection.Subject subject) {
        return Map.of("cases", nonEmpty(subject.caseIds()), "customer", subject.customerId(),
            "email", subject.email() == null ? "" : subject.email(), "ref", subject.externalRef() == null ? "" : subject.externalRef(),
            "pseudonym", subject.pseudonym(), "erased", Redaction.MARK);
    }

    // "in ()" is not SQL: a customer without cases matches no case id.
    private static Collection<Long> nonEmpty(Collection<Long> ids) {
        return ids.isEmpty() ? List.of(-1L) : ids;
    }

    private static @Nullable Object plain(@Nullable Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant().toString();
        }
        if (value instanceof OffsetDateTime moment) {
            return moment.toInstant().toString();
        }
        if (value instanceof java.sql.Date day) {
            return day.toLocalDate().toString();
        }
        return value;
    }
}
