package org.redress.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.redress.SignalsSupport;
import org.redress.incidents.CustomersAffected;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

/** The risk module's background work: incident exposure added in bulk, and customers whose activity stopped. */
class RiskSweepTests extends SignalsSupport {

    @Autowired
    RiskSweep sweep;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void aCustomerWhoStoppedOrderingIsFlaggedOncePerQuietSpell() {
        String stopped = "A-" + unique();
        String regular = "B-" + unique();
        Instant now = Instant.now();
        // Every 10 days, then nothing for 40: well past twice the usual gap.
        sendAndProcess(List.of(
            event(stopped + "-1", "ORDER_PLACED", stopped, now.minus(60, ChronoUnit.DAYS), null),
            event(stopped + "-2", "ORDER_PLACED", stopped, now.minus(50, ChronoUnit.DAYS), null),
            event(stopped + "-3", "ORDER_PLACED", stopped, now.minus(40, ChronoUnit.DAYS), null),
            // Every 30 days, last one 35 days ago: within twice the usual gap.
            event(regular + "-1", "ORDER_PLACED", regular, now.minus(95, ChronoUnit.DAYS), null),
            event(regular + "-2", "ORDER_PLACED", regular, now.minus(65, ChronoUnit.DAYS), null),
            event(regular + "-3", "ORDER_PLACED", regular, now.minus(35, ChronoUnit.DAYS), null)));

        sweep.findFallingActivity();
        sweep.findFallingActivity();

        JsonNode risk = admin().get("/api/v1/risk/customers/" + customerId(stopped)).json();
        assertThat(risk.get("reasons").get(0).get("kind").asString()).isEqualTo("FALLING_ACTIVITY");
        assertThat(risk.get("reasons").get(0).get("occurrences").asInt()).isEqualTo(1);
        assertThat(risk.get("reasons").get(0).get("latest").asString()).startsWith("No order or visit for 40 days (usually every 10 days");
        assertThat(admin().get("/api/v1/risk/customers/" + customerId(regular)).json().get("reasons")).isEmpty();
    }

    @Test
    void customersOfAnIncidentAreScoredByTheSweepOnce() {
        String fresh = "I-" + unique();
        String hitBefore = "J-" + unique();
        sendAndProcess(List.of(event(fresh + "-o", "ORDER_PLACED", fresh, Instant.now().minusSeconds(60), null),
            event(hitBefore + "-outage", "OUTAGE", hitBefore, Instant.now().minusSeconds(60), null)));
        List<Long> customers = List.of(customerId(fresh), customerId(hitBefore));
        CustomersAffected affected = new CustomersAffected(-1, "Card payments failing", customers, Instant.now());

        transaction.executeWithoutResult(status -> events.publishEvent(affected));
        transaction.executeWithoutResult(status -> events.publishEvent(affected));
        awaitTrue(() -> jdbc.sql("select count(*) from risk_pending where customer_id in (:ids)").param("ids", customers)
            .query(Long.class).single() == 0, "the risk sweep");

        JsonNode first = admin().get("/api/v1/risk/customers/" + customers.get(0)).json().get("reasons").get(0);
        assertThat(first.get("kind").asString()).isEqualTo("INCIDENT");
        assertThat(first.get("points").asDouble()).isCloseTo(4.0, within(0.1));
        assertThat(first.get("latest").asString()).isEqualTo("Affected by incident: Card payments failing");
        JsonNode second = admin().get("/api/v1/risk/customers/" + customers.get(1)).json();
        // The outage and the incident add up under one kind; the second delivery of the incident adds nothing.
        assertThat(second.get("score").asDouble()).isCloseTo(8.0, within(0.1));
        assertThat(second.get("reasons").get(0).get("occurrences").asInt()).isEqualTo(2);
        assertThat(second.get("reasons").get(0).get("latest").asString()).isEqualTo("Affected by incident: Card payments failing");
    }
}
