package org.redress.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redress.Await;
import org.redress.Http;
import org.redress.Nodes;
import org.redress.PostgresDatabase;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Two nodes on one PostgreSQL, each keeping in memory the tokens it has seen and the webhook
 * endpoints that listen: a change made through one node (revoking a token, deactivating its
 * user, changing their role, adding an endpoint) holds on the other too, without a restart,
 * even after the other lost its listening connection.
 */
class KeptInMemoryAcrossNodesTests {

    // Long enough for PostgreSQL to deliver a notification on a busy test machine; a node that
    // never heard of the change would keep accepting the token for as long as it runs.
    private static final Duration DELIVERY = Duration.ofSeconds(5);

    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void twoNodes() {
        String url = PostgresDatabase.fresh();
        first = Nodes.start(url, false);
        second = Nodes.start(url, false);
    }

    @AfterAll
    static void stop() {
        second.close();
        first.close();
    }

    private record Agent(long id, long tokenId, Http withPassword, Http onFirst, Http onSecond) {}

    private static Agent agentWithAToken() {
        String email = "agent-" + UUID.randomUUID() + "@nodes.test";
        long id = Nodes.admin(first).post("/api/v1/users", Map.of("email", email, "name", "Ada", "password", "ada-password-1",
            "role", "agent")).json().get("id").asLong();
        Http withPassword = Http.basic(port(first), email, "ada-password-1");
        JsonNode issued = withPassword.post("/api/v1/tokens", Map.of("name", "script")).json();
        String secret = issued.get("secret").asString();
        return new Agent(id, issued.get("token").get("id").asLong(), withPassword, Http.bearer(port(first), secret),
            Http.bearer(port(second), secret));
    }

    private static int port(ConfigurableApplicationContext node) {
        return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
    }

    @Test
    void aTokenRevokedOnOneNodeIsRefusedOnTheOther() {
        Agent ada = agentWithAToken();
        // Both nodes have now accepted (and keep) the token.
        assertThat(ada.onSecond().get("/api/v1/me").status()).isEqualTo(200);
        assertThat(ada.onFirst().get("/api/v1/me").status()).isEqualTo(200);

        assertThat(ada.withPassword().delete("/api/v1/tokens/" + ada.tokenId()).status()).isEqualTo(200);

        assertThat(ada.onFirst().get("/api/v1/me").status()).isEqualTo(401);
        Await.until(() -> ada.onSecond().get("/api/v1/me").status() == 401, "the other node to refuse the revoked token",
            DELIVERY);
    }

    @Test
    void aRoleChangedOnOneNodeHoldsOnTheOther() {
        Agent ada = agentWithAToken();
        assertThat(ada.onSecond().get("/api/v1/audit").status()).isEqualTo(403);

        Nodes.admin(first).patch("/api/v1/users/" + ada.id(), Map.of("role", "admin"));
        Await.until(() -> ada.onSecond().get("/api/v1/audit").status() == 200, "the other node to see the new role", DELIVERY);

        Nodes.admin(first).patch("/api/v1/users/" + ada.id(), Map.of("active", false));
        Await.until(() -> ada.onSecond().get("/api/v1/me").status() == 401, "the other node to refuse a deactivated user",
            DELIVERY);
    }

    @Test
    void anEndpointAddedOnOneNodeReceivesWhatTheOtherNodeDoes() {
        Http integration = Nodes.integration(second);
        String subject = "Kept " + UUID.randomUUID();
        // The second node now knows (and keeps) that no endpoint listens to case.opened.
        assertThat(open(integration, subject + " before")).isEqualTo(201);

        assertThat(Nodes.admin(first).post("/api/v1/webhooks/endpoints", Map.of("url", "http://127.0.0.1:9/hooks",
            "eventTypes", List.of("case.opened"))).status()).isEqualTo(201);

        JdbcClient jdbc = first.getBean(JdbcClient.class);
        Await.until(() -> {
            String attempt = subject + " " + UUID.randomUUID();
            open(integration, attempt);
            return jdbc.sql("""
                    select count(*) from webhook_messages m join recovery_cases c on c.id = m.case_id
                    where m.event_type = 'case.opened' and c.subject = ?""").param(attempt).query(Long.class).single() == 1;
        }, "the other node to send case.opened to the new endpoint", DELIVERY);
    }

    private static int open(Http integration, String subject) {
        return integration.post("/api/v1/complaints", Map.of(
            "customer", Map.of("externalRef", "kept-" + UUID.randomUUID()), "channel", "email", "category", "delivery",
            "subject", subject, "message", "It came late.")).status();
    }

    @Test
    void aNodeThatLostItsListeningConnectionStillRefusesARevokedToken() {
        Agent ada = agentWithAToken();
        assertThat(ada.onSecond().get("/api/v1/me").status()).isEqualTo(200);
        JdbcClient jdbc = first.getBean(JdbcClient.class);

        // Cut every node's listening connection; the revocation's notice then reaches no one.
        int cut = jdbc.sql("""
                select count(pg_terminate_backend(pid)) from pg_stat_activity
                where application_name = 'redress change notices' and datname = current_database()""").query(Integer.class).single();
        assertThat(cut).isEqualTo(2);
        assertThat(ada.withPassword().delete("/api/v1/tokens/" + ada.tokenId()).status()).isEqualTo(200);

        Await.until(() -> ada.onSecond().get("/api/v1/me").status() == 401, "the other node to refuse the revoked token",
            DELIVERY);
        Await.until(() -> jdbc.sql("""
                select count(*) from pg_stat_activity
                where application_name = 'redress change notices' and datname = current_database()""")
            .query(Integer.class).single() == 2, "both nodes to listen again");
    }
}
