package org.redress.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.redress.SignalsSupport;
import org.redress.Http;

import tools.jackson.databind.JsonNode;

/** Business events: a mixed batch stores the good ones and names the bad ones; sending again changes nothing. */
class BusinessEventTests extends SignalsSupport {

    @Test
    void aMixedBatchStoresTheGoodEventsAndNamesEachBadOne() {
        String run = unique();
        List<Map<String, Object>> batch = List.of(
            event(run + "-1", "DELIVERED", "C-1"),
            event(run + "-2", null, "C-2"),
            event(run + "-3", "delivery-late", "C-3"),
            withTime(event(run + "-4", "OUTAGE", "C-4"), "yesterday"),
            withTime(event(run + "-5", "WAIT_TIME", ""), Instant.now().plus(2, ChronoUnit.DAYS).toString()));

        JsonNode result = post(batch);

        assertThat(result.get("accepted").asInt()).isEqualTo(2);
        assertThat(result.get("duplicates").asInt()).isZero();
        List<JsonNode> rejected = result.get("rejected").valueStream().toList();
        assertThat(rejected).extracting(r -> r.get("index").asInt()).containsExactly(1, 3, 4);
        assertThat(rejected.get(0).get("errors").get(0).get("field").asString()).isEqualTo("type");
        assertThat(rejected.get(1).get("errors").get(0).get("message").asString()).contains("is not an ISO 8601 instant");
        assertThat(rejected.get(2).get("errors").valueStream().map(e -> e.get("field").asString()))
            .containsExactlyInAnyOrder("customerRef", "occurredAt");
        assertThat(jdbc.sql("select type from business_events where event_id like ? order by event_id").param(run + "-%")
            .query(String.class).list()).containsExactly("DELIVERED", "DELIVERY_LATE");
    }

    @Test
    void anEventSentAgainIsIgnoredWhetherInALaterBatchOrTheSameOne() {
        String run = unique();
        List<Map<String, Object>> batch = List.of(event(run + "-a", "ORDER_PLACED", "C-9"), event(run + "-b", "DELIVERED", "C-9"),
            event(run + "-a", "ORDER_PLACED", "C-9"));

        JsonNode first = post(batch);
        JsonNode again = post(batch);

        assertThat(first.get("accepted").asInt()).isEqualTo(2);
        assertThat(first.get("duplicates").asInt()).isEqualTo(1);
        assertThat(again.get("accepted").asInt()).isZero();
        assertThat(again.get("duplicates").asInt()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from business_events where event_id like ?").param(run + "-%")
            .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void anEmptyOrOversizedBatchIsRefusedAsAWhole() {
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < BusinessEvents.MAX_BATCH + 1; i++) {
            tooMany.add(event("big-" + unique(), "DELIVERED", "C-1"));
        }
        long before = count("business_events");

        Http.Response empty = integration().post("/api/v1/events", Map.of("events", List.of()));
        Http.Response oversized = integration().post("/api/v1/events", Map.of("events", tooMany));

        assertThat(empty.status()).isEqualTo(400);
        assertThat(oversized.status()).isEqualTo(400);
        assertThat(oversized.body()).contains("at most 1000");
        assertThat(count("business_events")).isEqualTo(before);
    }

    private JsonNode post(List<Map<String, Object>> batch) {
        Http.Response response = integration().post("/api/v1/events", Map.of("events", batch));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static Map<String, Object> event(String id, String type, String customer) {
        Map<String, Object> event = new HashMap<>();
        event.put("eventId", id);
        event.put("type", type);
        event.put("customerRef", customer);
        event.put("occurredAt", Instant.now().minus(1, ChronoUnit.HOURS).toString());
        event.put("attributes", Map.of("orderId", "55120"));
        return event;
    }

    private static Map<String, Object> withTime(Map<String, Object> event, String time) {
        Map<String, Object> copy = new HashMap<>(event);
        copy.put("occurredAt", time);
        return copy;
    }

    @Test
    void eachEventIsProcessedOnceAndOneThatNamesAnotherCustomersEmailDoesNotBlockTheRest() {
        String run = unique();
        String taken = "taken-" + run + "@example.com";
        sendAndProcess(List.of(event(run + "-first", "ORDER_PLACED", "A-" + run, Instant.now().minusSeconds(60),
            Map.of("email", taken, "name", "Ada First"))));

        // The same email under another reference: the reference decides, the email is left out.
        sendAndProcess(List.of(
            event(run + "-clash", "ORDER_PLACED", "B-" + run, Instant.now().minusSeconds(30), Map.of("email", taken)),
            event(run + "-next", "DELIVERED", "C-" + run, Instant.now().minusSeconds(30), Map.of("email", "c-" + run + "@example.com"))));

        assertThat(jdbc.sql("select email from customers where external_ref = ?").param("A-" + run).query(String.class).single())
            .isEqualTo(taken);
        assertThat(jdbc.sql("select count(*) from customers where external_ref = ? and email is null").param("B-" + run)
            .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from customers where external_ref = ?").param("C-" + run).query(Long.class).single())
            .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from business_events where event_id like ? and process_error is not null")
            .param(run + "-%").query(Long.class).single()).isZero();
    }
}
