package org.redress.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.redress.ApplicationTest;
import org.redress.Http;
import org.redress.shared.ProblemType;

import tools.jackson.databind.JsonNode;

/**
 * Every paged list of the API pages one way: {@code cursor} and {@code limit} in,
 * {@code items} and {@code nextCursor} (null on the last page) out. Walking a list a few
 * items at a time gives exactly what one large page gives, in the same order.
 */
class PagingTests extends ApplicationTest {

    @Test
    void casesCustomersAuditAndMailWalkPageByPageInOneStyle() {
        String tag = unique();
        JsonNode first = open(admin(), "PG-" + tag + "-1");
        String email = first.get("customer").get("email").asString();
        long customer = first.get("customer").get("id").asLong();
        String number = first.get("number").asString();
        for (String category : List.of("billing", "service")) {
            // Another category, so another case of the same customer rather than a message joining the first.
            admin().post("/api/v1/complaints", complaint("PG-" + tag + "-1", category));
        }
        admin().post("/api/v1/cases/" + number + "/acknowledge", Map.of("message", "We are on it."));
        for (int i = 0; i < 2; i++) {
            open(admin(), "PG-" + tag + "-" + (i + 2));
            admin().post("/api/v1/cases/" + number + "/replies", Map.of("subject", "Update " + i, "text", "We are on it."));
        }

        assertWalks("/api/v1/cases?customer=" + customer, 3);
        assertWalks("/api/v1/customers/" + customer + "/cases", 3);
        assertWalks("/api/v1/customers?q=pg-" + tag, 3);
        assertWalks("/api/v1/audit?subject=case:" + number, 2);
        assertWalks("/api/v1/mail?recipient=" + email, 2);
    }

    @Test
    void incidentsAlertsDeliveriesAndSurveyAnswersPageTheSameWay() {
        for (int i = 0; i < 3; i++) {
            admin().post("/api/v1/incidents", Map.of("title", "Paging " + i, "whatHappened", "Something broke.",
                "plan", "We fix it.", "fixBy", today().plusDays(3).toString(), "category", "delivery"));
        }
        long survey = admin().get("/api/v1/surveys").json().get(0).get("survey").get("id").asLong();

        assertWalks("/api/v1/incidents", 3);
        assertWalks("/api/v1/alerts", 0);
        assertWalks("/api/v1/webhooks/deliveries", 0);
        assertWalks("/api/v1/surveys/" + survey + "/answers", 0);
    }

    @Test
    void aCursorTheApiDidNotGiveIsRefusedByName() {
        for (String list : List.of("/api/v1/cases", "/api/v1/customers", "/api/v1/audit", "/api/v1/mail", "/api/v1/alerts",
                "/api/v1/webhooks/deliveries", "/api/v1/incidents", "/api/v1/queue", "/api/v1/insights/cases")) {
            Http.Response refused = admin().get(list + "?cursor=not-a-cursor");

            assertThat(refused.status()).as(list).isEqualTo(400);
            assertThat(refused.json().get("type").asString()).as(list).isEqualTo(ProblemType.INVALID_INPUT.uri().toString());
            assertThat(refused.json().get("errors").get(0).get("field").asString()).as(list).isEqualTo("cursor");
        }
    }

    /** Walks the list two items a page and checks it against one page of everything. */
    private void assertWalks(String path, int atLeast) {
        String separator = path.contains("?") ? "&" : "?";
        JsonNode whole = page(path + separator + "limit=200");
        assertThat(whole.has("nextCursor")).as(path).isTrue();
        List<String> all = ids(whole);
        assertThat(all).as(path).hasSizeGreaterThanOrEqualTo(atLeast);

        List<String> walked = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages < 200; pages++) {
            JsonNode page = page(path + separator + "limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.get("items").size()).as(path).isLessThanOrEqualTo(2);
            walked.addAll(ids(page));
            if (page.get("nextCursor").isNull()) {
                break;
            }
            cursor = page.get("nextCursor").asString();
            assertThat(cursor).as(path).isNotBlank();
        }
        // Sweeps may add to a list meanwhile (an alert, a delivery): newer items may join the walk, none may go missing.
        assertThat(walked).as(path).doesNotHaveDuplicates();
        assertThat(walked.stream().filter(all::contains).toList()).as(path).containsExactlyElementsOf(all);
    }

    private JsonNode page(String path) {
        Http.Response response = admin().get(path);
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> ids(JsonNode page) {
        return page.get("items").valueStream().map(item -> item.get("id").asString()).toList();
    }
}
