package org.redress.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.redress.ApplicationTest;

import tools.jackson.databind.JsonNode;

class CaseListApiTests extends ApplicationTest {

    @Test
    void pagesThroughACustomersCasesWithACursorNewestFirst() {
        String ref = "C-" + unique();
        List<Long> opened = new ArrayList<>();
        for (String category : List.of("delivery", "billing", "service", "wait-time", "outage")) {
            opened.add(admin().post("/api/v1/complaints", complaint(ref, category)).json().get("id").asLong());
        }
        long customer = admin().get("/api/v1/cases/" + opened.get(0)).json().get("customer").get("id").asLong();

        JsonNode first = admin().get("/api/v1/cases?customer=" + customer + "&limit=2").json();
        JsonNode second = admin().get("/api/v1/cases?customer=" + customer + "&limit=2&cursor=" + first.get("nextCursor").asString()).json();
        JsonNode third = admin().get("/api/v1/cases?customer=" + customer + "&limit=2&cursor=" + second.get("nextCursor").asString()).json();

        List<Long> seen = new ArrayList<>();
        for (JsonNode page : List.of(first, second, third)) {
            page.get("items").forEach(item -> seen.add(item.get("id").asLong()));
        }
        assertThat(seen).containsExactly(opened.get(4), opened.get(3), opened.get(2), opened.get(1), opened.get(0));
        assertThat(third.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void filtersByStatusCategoryAndAssignee() {
        String ref = "C-" + unique();
        JsonNode delivery = admin().post("/api/v1/complaints", complaint(ref, "delivery")).json();
        admin().post("/api/v1/complaints", complaint(ref, "billing"));
        long me = admin().get("/api/v1/me").json().get("id").asLong();
        admin().post("/api/v1/cases/" + delivery.get("id").asLong() + "/assign", Map.of("assigneeId", me));
        admin().post("/api/v1/cases/" + delivery.get("id").asLong() + "/acknowledge", Map.of());
        long customer = delivery.get("customer").get("id").asLong();

        JsonNode inProgress = admin().get("/api/v1/cases?customer=" + customer + "&status=in-progress").json();
        JsonNode billing = admin().get("/api/v1/cases?customer=" + customer + "&category=billing").json();
        JsonNode mine = admin().get("/api/v1/cases?customer=" + customer + "&assignee=" + me).json();
        JsonNode unassigned = admin().get("/api/v1/cases?customer=" + customer + "&unassigned=true").json();

        assertThat(inProgress.get("items")).extracting(i -> i.get("category").asString()).containsExactly("delivery");
        assertThat(billing.get("items")).extracting(i -> i.get("status").asString()).containsExactly("NEW");
        assertThat(mine.get("items")).extracting(i -> i.get("id").asLong()).containsExactly(delivery.get("id").asLong());
        assertThat(mine.get("items").get(0).get("nextStep").asString()).isEqualTo("LISTEN");
        assertThat(unassigned.get("items")).extracting(i -> i.get("category").asString()).containsExactly("billing");
    }

    @Test
    void badFiltersGetProblems() {
        assertThat(admin().get("/api/v1/cases?status=sleeping").status()).isEqualTo(400);
        assertThat(admin().get("/api/v1/cases?limit=0").status()).isEqualTo(400);
        assertThat(admin().get("/api/v1/cases?cursor=abc").status()).isEqualTo(400);
        assertThat(admin().get("/api/v1/cases?assignee=someone").json().get("detail").asString()).contains("assignee");
    }
}
