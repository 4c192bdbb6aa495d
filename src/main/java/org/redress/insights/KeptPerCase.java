package org.redress.insights;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Rows the refresh keeps per case and writes again with their case's facts (promises, recovery invitations). */
final class KeptPerCase {

    private KeptPerCase() {
    }

    /**
     * Deletes the kept rows of these cases, and those whose source row now belongs to one of
     * them (moved there by a merge, its row still under the old case). Two statements, each an
     * index look-up: one with an {@code or} between them scanned the whole table on PostgreSQL.
     */
    static void forget(JdbcClient jdbc, String table, String key, String source, List<Long> caseIds) {
        jdbc.sql("delete from " + table + " where case_id in (:ids)").param("ids", caseIds).update();
        jdbc.sql("delete from " + table + " where " + key + " in (select id from " + source + " where case_id in (:ids))")
            .param("ids", caseIds).update();
    }
}
