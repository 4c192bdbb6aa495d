package org.redress.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.redress.Await;
import org.redress.Http;
import org.redress.Nodes;
import org.redress.PostgresDatabase;
import org.redress.cases.CaseManagement;
import org.redress.cases.CaseNumber;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Read-only work marked for it (insights and their CSV export) reads from the read replica;
 * everything else, writes and other reads, uses the primary. PostgreSQL streaming replication is
 * not set up here: the "replica" is a copy of the primary's database made with
 * {@code create database ... template}, then changed so that what a page shows says which of the
 * two it was read from.
 */
class ReadReplicaTests {

    @Test
    void insightsReadTheReplicaAndEverythingElseThePrimary() throws SQLException {
        String primary = PostgresDatabase.fresh();
        long first;
        try (ConfigurableApplicationContext node = Nodes.start(primary, false, "--redress.insights.refresh-every=1s")) {
            first = CaseManagement.idOf(open(Nodes.admin(node), "RR-1"));
            Await.until(() -> count(primary, "select count(*) from insight_case_facts where case_id = " + first) == 1, "the facts of the first case");
        }
        String replica = PostgresDatabase.copyOf(primary);
        // What the replica says differs from the primary, so each answer shows where it was read.
        update(replica, "update recovery_cases set subject = 'Read from the replica' where id = " + first);
        update(replica, "update insight_case_facts set category = 'replica-marker' where case_id = " + first);

        try (ConfigurableApplicationContext node = Nodes.start(primary, false, "--redress.insights.refresh-every=1s",
            "--redress.database.replica.url=" + replica)) {
            Http admin = Nodes.admin(node);
            String number = CaseNumber.format(first);

            // Marked read-only work: the insights' cases (a @Transactional label) and their CSV (a transaction template).
            assertThat(admin.get("/api/v1/insights/cases").json().get("items").valueStream()
                .filter(row -> row.get("number").asString().equals(number)).findFirst().orElseThrow()
                .get("subject").asString()).isEqualTo("Read from the replica");
            assertThat(admin.get("/api/v1/insights/cases.csv").body()).contains(number + ",").contains("replica-marker");

            // Other reads, read-only transactions included, use the primary.
            assertThat(admin.get("/api/v1/cases/" + number).json().get("subject").asString()).isEqualTo("Late");

            // Writes go to the primary, from requests and from the scheduler (the facts' refresh).
            long second = CaseManagement.idOf(open(admin, "RR-2"));
            assertThat(count(primary, "select count(*) from recovery_cases where id = " + second)).isEqualTo(1);
            assertThat(count(replica, "select count(*) from recovery_cases where id = " + second)).isZero();
            Await.until(() -> count(primary, "select count(*) from insight_case_facts where case_id = " + second) == 1, "the facts of the second case");
            assertThat(count(replica, "select count(*) from insight_case_facts where case_id = " + second)).isZero();
            // The primary's pool is still measured through the routing (docs/deployment.md names these metrics).
            assertThat(admin.with("Accept", "text/plain").get("/actuator/prometheus").body())
                .contains("hikaricp_connections_active", "hikaricp_connections_pending", "hikaricp_connections_timeout_total");
            // Until the replica catches up, the insights do not show the new case: that is the lag it must tolerate.
            assertThat(admin.get("/api/v1/insights/cases.csv").body()).doesNotContain(CaseNumber.format(second));
        }
    }

    private static void update(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, PostgresDatabase.user(), PostgresDatabase.password());
             Statement statement = connection.createStatement()) {
            assertThat(statement.executeUpdate(sql)).isEqualTo(1);
        }
    }

    private static long count(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url, PostgresDatabase.user(), PostgresDatabase.password());
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String open(Http admin, String ref) {
        Http.Response opened = admin.post("/api/v1/complaints", Map.of("customer", Map.of("externalRef", ref + "-" + UUID.randomUUID(),
            "name", "Ada"), "channel", "email", "category", "delivery", "severity", 2, "subject", "Late", "message", "Two weeks late."));
        assertThat(opened.status()).isEqualTo(201);
        return opened.json().get("number").asString();
    }
}
