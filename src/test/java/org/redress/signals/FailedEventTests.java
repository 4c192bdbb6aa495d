package org.redress.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.redress.Await;
import org.redress.Http;
import org.redress.Nodes;
import org.redress.PostgresDatabase;
import org.redress.SignalsSupport;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.acme.signals.FailingSignalListener;

/**
 * The sweep hands a whole batch to the listeners at once; when a listener fails on one
 * event, that event alone is rolled back and marked, and the others are processed once.
 * A node of its own on a database of its own: a node without the failing listener must not
 * take the events first.
 */
class FailedEventTests {

    @Test
    void anEventAListenerFailsOnIsMarkedAndTheRestOfItsBatchIsProcessedOnce() {
        try (ConfigurableApplicationContext node = Nodes.startWith(PostgresDatabase.fresh(), List.of(FailingSignalListener.class))) {
            JdbcClient jdbc = node.getBean(JdbcClient.class);
            String run = UUID.randomUUID().toString();
            Instant at = Instant.now().minusSeconds(60);

            Http.Response sent = Nodes.integration(node).post("/api/v1/events", Map.of("events", List.of(
                SignalsSupport.event(run + "-before", "ORDER_PLACED", "before-" + run, at, null),
                SignalsSupport.event(run + "-bad", "DELIVERED", "bad-" + run, at, Map.of("fail", true)),
                SignalsSupport.event(run + "-after", "DELIVERED", "after-" + run, at, null))));
            assertThat(sent.status()).isEqualTo(200);
            Await.until(() -> jdbc.sql("select count(*) from business_events where processed_at is null").query(Long.class)
                .single() == 0, "the events to be processed");

            assertThat(jdbc.sql("select event_id, process_error from business_events order by event_id")
                .query((rs, n) -> rs.getString(1) + ": " + rs.getString(2)).list())
                .containsExactly(run + "-after: null", run + "-bad: cannot handle " + run + "-bad", run + "-before: null");
            // Each good event counted once, though its batch was first tried whole and rolled back.
            assertThat(jdbc.sql("""
                    select r.activity_count from customer_risk r join customers c on c.id = r.customer_id
                    where c.external_ref in (?, ?)""").params("before-" + run, "after-" + run).query(Integer.class).list())
                .containsExactly(1, 1);
            // The failed event's customer was made in its rolled-back savepoint: it does not exist.
            assertThat(jdbc.sql("select count(*) from customers where external_ref = ?").param("bad-" + run).query(Long.class)
                .single()).isZero();
        }
    }
}
