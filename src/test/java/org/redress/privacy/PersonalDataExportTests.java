package org.redress.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.redress.ApplicationTest;
import org.redress.Http;

import tools.jackson.databind.JsonNode;

/** A customer who touched every module gets all of it back in one bundle, and nobody else's. */
class PersonalDataExportTests extends ApplicationTest {

    @Test
    void aCustomersBundleHoldsWhatEachModuleKeepsAboutThem() {
        String tag = unique();
        String ref = "PD-" + tag;
        String email = "pd-" + tag + "@example.com";
        JsonNode opened = admin().post("/api/v1/complaints", Map.of(
            "customer", Map.of("externalRef", ref, "name", "Petra Dahl", "email", email, "phone", "+46 70 123 45 67"),
            "channel", "email", "category", "delivery", "severity", 2, "subject", "Sofa arrived torn " + tag,
            "message", "The sofa arrived with a long tear in the seat.")).json();
        String number = opened.get("number").asString();
        long customer = admin().get("/api/v1/cases/" + number).json().get("customer").get("id").asLong();
        String c = "/api/v1/cases/" + number;
        admin().post(c + "/replies", Map.of("subject", "Your sofa", "text", "I am sorry about the tear; a fitter calls you today."));
        integration().post("/api/v1/inbound/email", Map.of("from", email, "subject", "About " + number,
            "text", "Thank you, I am home all day.", "messageId", "<" + tag + "@mail.example.com>"));
        admin().post(c + "/remedies", Map.of("type", "refund", "amount", "30.00", "description", "For the wait"));
        integration().post("/api/v1/events", Map.of("events", List.of(Map.of("eventId", "pd-" + tag, "type", "DELIVERY_LATE",
            "customerRef", ref, "occurredAt", Instant.now().minusSeconds(60).toString(), "attributes", Map.of("orderId", "O-" + tag)))));
        String incident = admin().post("/api/v1/incidents", Map.of("title", "Torn sofas " + tag, "whatHappened", "A batch was torn.",
            "plan", "Fitters repair each one.", "fixBy", today().plusDays(3).toString(), "category", "delivery", "severity", 2))
            .json().get("number").asString();
        admin().post("/api/v1/incidents/" + incident + "/customers", Map.of("customers", List.of(Map.of("customerRef", ref))));
        closeAsRecovered(number);
        String other = open(admin(), "PD-OTHER-" + tag).get("number").asString();

        assertThat(member("agent", null).http().get("/api/v1/customers/" + customer + "/personal-data").status()).isEqualTo(403);
        assertThat(member("lead", null).http().get("/api/v1/customers/" + customer + "/personal-data").status()).isEqualTo(403);
        assertThat(admin().get("/api/v1/customers/999999999/personal-data").status()).isEqualTo(404);

        Http.Response exported = member("manager", null).http().get("/api/v1/customers/" + customer + "/personal-data");
        assertThat(exported.status()).as(exported.body()).isEqualTo(200);
        JsonNode bundle = exported.json();
        assertThat(bundle.get("format").asString()).isEqualTo("redress.personal-data/1");
        assertThat(bundle.get("customer").get(0).get("email").asString()).isEqualTo(email);
        assertThat(bundle.get("cases").get("cases").valueStream().map(row -> row.get("subject").asString()).toList())
            .containsExactly("Sofa arrived torn " + tag);
        assertThat(texts(bundle.get("cases").get("messages"), "body"))
            .contains("The sofa arrived with a long tear in the seat.", "Thank you, I am home all day.");
        assertThat(texts(bundle.get("cases").get("steps"), "step")).contains("ACKNOWLEDGE", "RESOLVE", "LEARN");
        assertThat(texts(bundle.get("communications").get("outbox"), "recipient")).contains(email);
        assertThat(texts(bundle.get("communications").get("inboundMail"), "sender")).contains(email);
        assertThat(texts(bundle.get("remedies").get("remedies"), "description")).contains("For the wait");
        assertThat(texts(bundle.get("promises").get("promises"), "source")).contains("RESOLUTION");
        assertThat(texts(bundle.get("lessons").get("lessons"), "lesson")).contains("Check invoices.");
        assertThat(texts(bundle.get("businessEvents").get("events"), "event_id")).containsExactly("pd-" + tag);
        assertThat(texts(bundle.get("incidents").get("affected"), "incident")).containsExactly("Torn sofas " + tag);
        assertThat(bundle.get("risk").has("score")).isTrue();
        assertThat(bundle.get("surveys").has("invitations")).isTrue();
        assertThat(texts(bundle.get("audit"), "action")).contains("case.opened", "case.closed");
        assertThat(exported.body()).doesNotContain(other);

        assertThat(admin().get("/api/v1/audit?subject=customer:" + customer).json().get("items").valueStream()
            .map(entry -> entry.get("action").asString()).toList()).contains("customer.data-exported");
    }

    private static List<String> texts(JsonNode rows, String column) {
        return rows.valueStream().map(row -> row.get(column).asString()).toList();
    }
}
