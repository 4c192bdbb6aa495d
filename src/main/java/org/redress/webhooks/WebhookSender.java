package org.redress.webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.redress.identity.Role;
import org.redress.identity.UserManagement;
import org.redress.identity.UserSummary;
import org.redress.notifications.AlertInbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Posts due deliveries. It runs on one node at a time (a db-scheduler recurring task), so each
 * delivery is posted by one node; a node that stops between the post and recording it posts it
 * again, with the same {@code webhook-id} for the receiver to recognise. A delivery waits while
 * an earlier one to the same endpoint about the same case is pending, so a receiver sees a
 * case's events in order. A 2xx answer delivers it; anything else (or no answer in 10 s) is
 * retried after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h, then given up (admins are alerted;
 * the log replays it). Once an endpoint fails in a round, its other deliveries wait for the next.
 */
@Component
class WebhookSender {

    static final List<Duration> RETRIES = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30),
        Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10));
    private static final int BATCH = 100;
    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

    private record Due(long id, long endpointId, String url, int attempts, String messageId, String eventType, String payload,
                       String secret, @Nullable String previousSecret, @Nullable Instant previousUntil) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AlertInbox alerts;
    private final UserManagement users;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
        .followRedirects(HttpClient.Redirect.NEVER).build();

    WebhookSender(JdbcClient jdbc, Clock clock, AlertInbox alerts, UserManagement users) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.alerts = alerts;
        this.users = users;
    }

    /** Posts what is due now; returns how many were delivered. */
    int sendDue() {
        Instant now = clock.instant();
        List<Due> due = jdbc.sql("select d.id, d.endpoint_id, e.url, d.attempts, m.message_id, m.event_type, m.payload, e.secret,"
                + " e.previous_secret, e.previous_until from webhook_deliveries d join webhook_endpoints e on e.id = d.endpoint_id"
                + " join webhook_messages m on m.id = d.message_id"
                + " where d.state = 'PENDING' and d.next_attempt_at <= ? and e.active = true"
                + " and not exists (select 1 from webhook_deliveries p where p.state = 'PENDING' and p.endpoint_id = d.endpoint_id"
                + " and p.case_id = d.case_id and p.id < d.id)"
                + " order by d.id fetch first " + BATCH + " rows only")
            .param(Timestamp.from(now))
            .query((rs, n) -> {
                Timestamp until = rs.getTimestamp("previous_until");
                return new Due(rs.getLong("id"), rs.getLong("endpoint_id"), rs.getString("url"), rs.getInt("attempts"),
                    rs.getString("message_id"), rs.getString("event_type"), rs.getString("payload"), rs.getString("secret"),
                    rs.getString("previous_secret"), until == null ? null : until.toInstant());
            })
            .list();
        Set<Long> failing = new HashSet<>();
        int delivered = 0;
        for (Due delivery : due) {
            if (failing.contains(delivery.endpointId())) {
                continue;
            }
            if (post(delivery)) {
                delivered++;
            } else {
                failing.add(delivery.endpointId());
            }
        }
        return delivered;
    }

    private boolean post(Due delivery) {
        Instant now = clock.instant();
        long timestamp = now.getEpochSecond();
        List<String> secrets = new ArrayList<>(List.of(delivery.secret()));
        if (delivery.previousSecret() != null && delivery.previousUntil() != null && delivery.previousUntil().isAfter(now)) {
            secrets.add(delivery.previousSecret());
        }
        Integer status = null;
        String error;
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(delivery.url()))
                    .timeout(Duration.ofSeconds(10))
                    .header("content-type", "application/json")
                    .header("user-agent", "Redress-Webhooks/1")
                    .header("webhook-id", delivery.messageId())
                    .header("webhook-timestamp", String.valueOf(timestamp))
                    .header("webhook-signature", Signing.signature(delivery.messageId(), timestamp, delivery.payload(), secrets))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.payload()))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            if (status >= 200 && status < 300) {
                jdbc.sql("update webhook_deliveries set state = 'DELIVERED', attempts = attempts + 1, last_attempt_at = ?, last_status = ?,"
                        + " last_error = null, delivered_at = ?, next_attempt_at = null where id = ?")
                    .params(Timestamp.from(now), status, Timestamp.from(clock.instant()), delivery.id()).update();
                return true;
            }
            error = "HTTP " + status;
        } catch (IOException | IllegalArgumentException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        failed(delivery, now, status, error);
        return false;
    }

    private void failed(Due delivery, Instant now, @Nullable Integer status, String error) {
        int attempts = delivery.attempts() + 1;
        boolean givenUp = attempts > RETRIES.size();
        jdbc.sql("update webhook_deliveries set state = ?, attempts = ?, last_attempt_at = ?, last_status = ?, last_error = ?,"
                + " next_attempt_at = ? where id = ?")
            .params(givenUp ? "FAILED" : "PENDING", attempts, Timestamp.from(now), status, error.length() > 500 ? error.substring(0, 500) : error,
                givenUp ? null : Timestamp.from(now.plus(RETRIES.get(attempts - 1))), delivery.id())
            .update();
        if (givenUp) {
            log.warn("Webhook delivery {} ({} to {}) given up after {} attempts: {}", delivery.id(), delivery.eventType(), delivery.url(),
                attempts, error);
            alerts.raise(users.users().stream().filter(user -> user.active() && user.role() == Role.ADMIN).map(UserSummary::id).toList(),
                null, "webhook.failed", "A webhook (" + delivery.eventType() + " to " + delivery.url() + ") was given up after " + attempts
                    + " attempts: " + error + ". Replay it from the delivery log once the receiver is back.");
        }
    }
}
