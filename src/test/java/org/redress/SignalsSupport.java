package org.redress;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** Sending business events as a business system does, and waiting until Redress has processed them. */
public abstract class SignalsSupport extends ApplicationTest {

    public static Map<String, Object> event(String eventId, String type, String customerRef, Instant at,
                                               @Nullable Map<String, Object> attributes) {
        Map<String, Object> event = new HashMap<>(Map.of("eventId", eventId, "type", type, "customerRef", customerRef,
            "occurredAt", at.toString()));
        if (attributes != null) {
            event.put("attributes", attributes);
        }
        return event;
    }

    /** Sends the events and waits until every one of them is processed (surveys, risk). */
    protected void sendAndProcess(List<Map<String, Object>> events) {
        Http.Response sent = integration().post("/api/v1/events", Map.of("events", events));
        if (sent.status() != 200 || !sent.json().get("rejected").isEmpty()) {
            throw new IllegalStateException(sent.body());
        }
        List<String> ids = events.stream().map(e -> (String) e.get("eventId")).toList();
        awaitTrue(() -> jdbc.sql("select count(*) from business_events where processed_at is null and event_id in (:ids)")
            .param("ids", ids).query(Long.class).single() == 0, "the events to be processed");
    }

    protected long customerId(String externalRef) {
        return jdbc.sql("select id from customers where external_ref = ?").param(externalRef).query(Long.class).single();
    }

    protected static void awaitTrue(java.util.function.BooleanSupplier condition, String what) {
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The survey link in the customer's latest invitation email (the customer's email is their reference, lower case, at example.com). */
    protected String surveyLink(String customerRef) {
        String body = jdbc.sql("select body_text from outbox where recipient = ? and body_text like '%/s/%' order by id desc limit 1")
            .param(customerRef.toLowerCase() + "@example.com").query(String.class).single();
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("/s/[A-Za-z0-9_-]+").matcher(body);
        if (!matcher.find()) {
            throw new AssertionError("no survey link in " + body);
        }
        return matcher.group();
    }

    /** Answers a survey as the customer's browser does: the page's form, with its CSRF token. */
    protected Http.Response answerSurvey(String path, Map<String, String> form) {
        return Http.anonymous(port).postFormWithCsrf(path, path, form);
    }
}
