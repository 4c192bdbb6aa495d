package org.redress.webhooks;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.redress.platform.ChangeNotices;
import org.redress.platform.KeptInMemory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an event for the endpoints subscribed to it, in the caller's transaction: one message
 * (its id, the JSON body every endpoint receives) and one pending delivery per endpoint. Nothing
 * is written when nobody subscribes; who subscribes to what is kept in memory between changes
 * to the endpoints ({@link ChangeNotices}). The body is {@code {"type", "timestamp", "data"}}; data
 * names what changed (numbers and states, no personal data: a receiver reads the rest through
 * the API).
 */
@Component
class WebhookQueue {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Announced whenever an endpoint is added, stopped or resumed. */
    static final String ENDPOINTS_CHANGED = "webhook-endpoints";

    private final JdbcClient jdbc;
    private final Clock clock;
    // Almost every change in Redress publishes an event; which endpoints listen changes rarely.
    private final KeptInMemory<EventType, List<Long>> subscribed = new KeptInMemory<>();

    WebhookQueue(JdbcClient jdbc, Clock clock, ChangeNotices notices) {
        this.jdbc = jdbc;
        this.clock = clock;
        notices.register(ENDPOINTS_CHANGED, subscribed);
    }

    void enqueue(EventType type, @Nullable Long caseId, Map<String, @Nullable Object> data) {
        List<Long> endpoints = subscribed.get(type, () -> Optional.of(jdbc.sql(
                "select id from webhook_endpoints where active = true and (event_types = '*'"
                + " or ',' || event_types || ',' like ?) order by id")
            .param("%," + type.code() + ",%").query(Long.class).list())).orElseThrow();
        if (endpoints.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        String messageId = "msg_" + UUID.randomUUID().toString().replace("-", "");
        Map<String, @Nullable Object> body = new LinkedHashMap<>();
        body.put("type", type.code());
        body.put("timestamp", now.toString());
        body.put("data", data);
        jdbc.sql("insert into webhook_messages (message_id, event_type, case_id, payload, created_at) values (?, ?, ?, ?, ?)")
            .params(messageId, type.code(), caseId, JSON.writeValueAsString(body), Timestamp.from(now)).update();
        long message = jdbc.sql("select id from webhook_messages where message_id = ?").param(messageId).query(Long.class).single();
        for (long endpoint : endpoints) {
            deliver(endpoint, message, caseId, now);
        }
    }

    /** A new pending delivery of a message to an endpoint, due now. */
    void deliver(long endpointId, long messageId, @Nullable Long caseId, Instant now) {
        jdbc.sql("insert into webhook_deliveries (endpoint_id, message_id, case_id, state, attempts, next_attempt_at, created_at)"
                + " values (?, ?, ?, 'PENDING', 0, ?, ?)")
            .params(endpointId, messageId, caseId, Timestamp.from(now), Timestamp.from(now)).update();
    }
}
