package org.redress.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.redress.SignalsSupport;
import org.springframework.context.annotation.Import;

import com.acme.signals.FailingSignalListener;

/**
 * The sweep hands a whole batch to the listeners at once; when a listener fails on one
 * event, that event alone is rolled back and marked, and the others are processed once.
 */
@Import(FailingSignalListener.class)
class FailedEventTests extends SignalsSupport {

    @Test
    void anEventAListenerFailsOnIsMarkedAndTheRestOfItsBatchIsProcessedOnce() {
        String run = unique();
        Instant at = Instant.now().minusSeconds(60);

        sendAndProcess(List.of(
            event(run + "-before", "ORDER_PLACED", "before-" + run, at, null),
            event(run + "-bad", "DELIVERED", "bad-" + run, at, Map.of("fail", true)),
            event(run + "-after", "DELIVERED", "after-" + run, at, null)));

        assertThat(jdbc.sql("select event_id, process_error from business_events where event_id like ? order by event_id")
            .param(run + "-%").query((rs, n) -> rs.getString(1) + ": " + rs.getString(2)).list())
            .containsExactly(run + "-after: null", run + "-bad: cannot handle " + run + "-bad", run + "-before: null");
        // Each good event counted once, though its batch was first tried whole and rolled back.
        assertThat(jdbc.sql("select activity_count from customer_risk where customer_id = ?").param(customerId("before-" + run))
            .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select activity_count from customer_risk where customer_id = ?").param(customerId("after-" + run))
            .query(Integer.class).single()).isEqualTo(1);
        // The failed event's customer was made in its rolled-back savepoint: it does not exist.
        assertThat(jdbc.sql("select count(*) from customers where external_ref = ?").param("bad-" + run).query(Long.class).single())
            .isZero();
    }
}
