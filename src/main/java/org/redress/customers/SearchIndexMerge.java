package org.redress.customers;

import java.sql.SQLException;
import java.util.List;

import org.redress.platform.SqlDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Merges the entries customer search's trigram indexes (PostgreSQL) keep in their pending
 * lists into the indexes themselves, a couple of seconds' arrivals at a time. A GIN index takes
 * new entries into a list first and merges them in batches; every search reads the whole list,
 * and a merge costs less per entry the more it merges at once. Left to PostgreSQL, either the
 * list grows to 4 MB between vacuums (a search then read up to 100 ms of it, and the insert that
 * fills it merges it all while its complaint waits), or, kept at 128 kB, the inserts merged it
 * every 170 customers, which made each new customer cost about three times what it costs now.
 * Merged here every {@code redress.customers.search-merge-every} (2 s) by one node, the list
 * holds only what arrived since, and an insert merges only when a burst (a bulk import) fills a
 * list between two runs. Nothing on H2, or where the indexes could not be made (no pg_trgm).
 */
@Component
class SearchIndexMerge {

    static final List<String> TRIGRAM_INDEXES = List.of("customers_name_trgm", "customers_email_trgm", "customers_ref_trgm");

    // PostgreSQL's SQLSTATE for "must be owner of index".
    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    private static final Logger log = LoggerFactory.getLogger(SearchIndexMerge.class);

    private final JdbcClient jdbc;
    private final boolean postgres;
    private volatile boolean refused;

    SearchIndexMerge(JdbcClient jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.postgres = dialect.postgres();
    }

    /** Merges every trigram index's pending list; returns how many pages of lists it merged. */
    long merge() {
        if (!postgres || refused) {
            return 0;
        }
        try {
            // One round trip for the three; each index's list is locked only while it is merged.
            return jdbc.sql("select coalesce(sum(gin_clean_pending_list(c.oid)), 0) from pg_class c"
                    + " where c.relname in (:indexes) and c.relnamespace = cast(current_schema() as regnamespace)")
                .param("indexes", TRIGRAM_INDEXES).query(Long.class).single();
        } catch (DataAccessException e) {
            if (!(e.getMostSpecificCause() instanceof SQLException sql) || !INSUFFICIENT_PRIVILEGE.equals(sql.getSQLState())) {
                throw e;
            }
            // Only the indexes' owner may merge: where another user made the schema, vacuum merges them instead.
            refused = true;
            log.warn("Customer search's indexes are not merged by Redress (their owner may): {}", e.getMostSpecificCause().getMessage());
            return 0;
        }
    }
}
