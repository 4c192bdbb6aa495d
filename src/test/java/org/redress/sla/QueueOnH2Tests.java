package org.redress.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.redress.Http;
import org.redress.Nodes;

import tools.jackson.databind.JsonNode;

/**
 * The queue on the zero-setup default (H2): its read model, take next, closing as spam in
 * bulk and saved views run the same SQL there as on PostgreSQL. A fresh database also shows
 * "take next" with nothing left to take, which the shared test database never has.
 */
class QueueOnH2Tests {

    @Test
    void theQueueTakeNextBulkClosingAndSavedViewsWorkOnH2() {
        String name = "queue-" + UUID.randomUUID().toString().substring(0, 8);
        try (var node = Nodes.start("jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                false)) {
            Http admin = Nodes.admin(node);
            String first = opened(admin, "H2-1");
            String second = opened(admin, "H2-2");

            List<String> queued = admin.get("/api/v1/queue").json().get("items").valueStream()
                .map(item -> item.get("number").asString()).toList();
            JsonNode taken = admin.post("/api/v1/queue/take-next", Map.of()).json();
            String other = taken.get("number").asString().equals(first) ? second : first;
            Http.Response closed = admin.post("/api/v1/cases/bulk", Map.of("cases", List.of(other), "action", "close",
                "reason", "spam"));
            Http.Response saved = admin.post("/api/v1/queue/views", Map.of("name", "Critical", "query", "severity=1"));

            assertThat(queued).containsExactlyInAnyOrder(first, second);
            assertThat(taken.get("number").asString()).isIn(first, second);
            assertThat(closed.status()).isEqualTo(200);
            assertThat(saved.status()).isEqualTo(201);
            assertThat(admin.get("/api/v1/queue").json().get("items").valueStream()
                .map(item -> item.get("number").asString()).toList()).doesNotContain(other);

            Http.Response nothingLeft = admin.post("/api/v1/queue/take-next", Map.of());

            assertThat(nothingLeft.status()).isEqualTo(404);
            assertThat(nothingLeft.json().get("detail").asString()).contains("No open case is waiting");
            assertThat(admin.get("/api/v1/cases/" + taken.get("number").asString()).json().get("assignee").get("name").asString())
                .isEqualTo(taken.get("assignee").get("name").asString());
        }
    }

    private static String opened(Http admin, String ref) {
        Map<String, Object> complaint = Map.of(
            "customer", Map.of("externalRef", ref, "name", "Maria Lopez", "email", ref.toLowerCase() + "@example.com"),
            "channel", "email", "category", "delivery", "severity", 2, "subject", "Parcel arrived broken",
            "message", "The box was crushed.");
        return admin.post("/api/v1/complaints", complaint).json().get("number").asString();
    }
}
