package org.redress.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.redress.ApplicationTest;
import org.redress.Http;

import tools.jackson.databind.JsonNode;

class IntakeApiTests extends ApplicationTest {

    private static final List<String> WRITTEN = List.of("customers", "recovery_cases", "case_messages", "case_timeline",
        "intake_keys", "audit_log");

    @Test
    void opensANewCaseWithTheCustomersOwnWords() {
        String words = "  The box was crushed.\n\nThe vase inside is in pieces!!  ";
        Map<String, Object> body = new HashMap<>(complaint("C-" + unique(), "delivery"));
        body.put("message", words);

        Http.Response response = admin().post("/api/v1/complaints", body);

        assertThat(response.status()).isEqualTo(201);
        JsonNode created = response.json();
        assertThat(created.get("number").asString()).matches("RC-\\d{6}");
        assertThat(created.get("status").asString()).isEqualTo("NEW");
        assertThat(created.get("nextStep").get("step").asString()).isEqualTo("ACKNOWLEDGE");
        assertThat(created.get("severity").asInt()).isEqualTo(2);
        assertThat(response.header("Location")).isEqualTo("/api/v1/cases/" + created.get("number").asString());
        JsonNode messages = admin().get("/api/v1/cases/" + created.get("number").asString() + "/messages").json();
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).get("body").asString()).isEqualTo(words);
    }

    @Test
    void severityDefaultsToThreeWhenLeftOut() {
        Map<String, Object> body = new HashMap<>(complaint("C-" + unique(), "billing"));
        body.remove("severity");

        JsonNode created = admin().post("/api/v1/complaints", body).json();

        assertThat(created.get("severity").asInt()).isEqualTo(3);
    }

    @Test
    void theSameIdempotencyKeyTwiceGivesOneCase() {
        String customer = "C-" + unique();
        Http client = admin().with("Idempotency-Key", "key-" + unique());

        Http.Response first = client.post("/api/v1/complaints", complaint(customer, "delivery"));
        Http.Response retry = client.post("/api/v1/complaints", complaint(customer, "delivery"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
        assertThat(casesOf(customer)).hasSize(1);
        assertThat(admin().get("/api/v1/cases/" + first.json().get("id").asLong() + "/messages").json()).hasSize(1);
    }

    @Test
    void retriesArrivingAtTheSameMomentStillGiveOneCase() throws Exception {
        String customer = "C-" + unique();
        Http client = admin().with("Idempotency-Key", "key-" + unique());
        int retries = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(retries);
        List<Future<Http.Response>> responses = new ArrayList<>();
        for (int i = 0; i < retries; i++) {
            responses.add(pool.submit(() -> {
                start.await();
                return client.post("/api/v1/complaints", complaint(customer, "delivery"));
            }));
        }

        start.countDown();
        List<Long> caseIds = new ArrayList<>();
        for (Future<Http.Response> response : responses) {
            Http.Response done = response.get();
            assertThat(done.status()).as(done.body()).isIn(200, 201);
            caseIds.add(done.json().get("id").asLong());
        }
        pool.shutdown();

        assertThat(caseIds).containsOnly(caseIds.get(0));
        assertThat(casesOf(customer)).hasSize(1);
    }

    @Test
    void reusingAKeyForADifferentComplaintIsRefused() {
        Http client = admin().with("Idempotency-Key", "key-" + unique());
        client.post("/api/v1/complaints", complaint("C-" + unique(), "delivery"));

        Http.Response other = client.post("/api/v1/complaints", complaint("C-" + unique(), "billing"));

        assertThat(other.status()).isEqualTo(409);
        assertThat(other.json().get("detail").asString()).contains("already used for a different complaint");
    }

    @Test
    void aSecondComplaintInTheSameCategoryJoinsTheOpenCase() {
        String customer = "C-" + unique();
        JsonNode first = open(admin(), customer);
        Map<String, Object> again = new HashMap<>(complaint(customer, "delivery"));
        again.put("channel", "phone");
        again.put("message", "Still nobody has called me back.");

        Http.Response second = admin().post("/api/v1/complaints", again);

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.header("Redress-Intake")).isEqualTo("joined");
        assertThat(second.json().get("id").asLong()).isEqualTo(first.get("id").asLong());
        JsonNode messages = admin().get("/api/v1/cases/" + first.get("number").asString() + "/messages").json();
        assertThat(messages).extracting(m -> m.get("body").asString())
            .containsExactly("The box was crushed and the vase inside is in pieces.", "Still nobody has called me back.");
        assertThat(casesOf(customer)).hasSize(1);
    }

    @Test
    void aComplaintInAnotherCategoryOpensAnotherCase() {
        String customer = "C-" + unique();
        open(admin(), customer);

        Http.Response billing = admin().post("/api/v1/complaints", complaint(customer, "billing"));

        assertThat(billing.status()).isEqualTo(201);
        assertThat(casesOf(customer)).hasSize(2);
    }

    @Test
    void aNewCustomersComplaintsArrivingAtTheSameMomentMakeOneCustomer() throws Exception {
        String customer = "C-" + unique();
        List<String> categories = List.of("delivery", "billing", "service", "delivery", "billing", "service");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(categories.size());
        List<Future<Http.Response>> responses = new ArrayList<>();
        for (String category : categories) {
            responses.add(pool.submit(() -> {
                start.await();
                return admin().post("/api/v1/complaints", complaint(customer, category));
            }));
        }

        start.countDown();
        List<Long> customerIds = new ArrayList<>();
        for (Future<Http.Response> response : responses) {
            Http.Response done = response.get();
            assertThat(done.status()).as(done.body()).isIn(200, 201);
            customerIds.add(done.json().get("customer").get("id").asLong());
        }
        pool.shutdown();

        assertThat(customerIds).containsOnly(customerIds.get(0));
        assertThat(jdbc.sql("select count(*) from customers where external_ref = ?").param(customer).query(Long.class).single())
            .isEqualTo(1);
        // One case per category: the second complaint in a category joins the first's case.
        assertThat(casesOf(customer)).hasSize(3);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'customer.created' and details like ?")
            .param("%" + customer + "%").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theCustomerIsRecognisedByEmailAndGainsTheirReference() {
        String email = "walkin-" + unique() + "@example.com";
        Map<String, Object> byEmail = new HashMap<>(complaint("x", "delivery"));
        byEmail.put("customer", Map.of("email", email, "name", "Walk In"));
        JsonNode first = admin().post("/api/v1/complaints", byEmail).json();
        String reference = "C-" + unique();
        Map<String, Object> withRef = new HashMap<>(complaint("x", "billing"));
        withRef.put("customer", Map.of("email", email.toUpperCase(), "externalRef", reference));

        JsonNode second = admin().post("/api/v1/complaints", withRef).json();

        assertThat(second.get("customer").get("id").asLong()).isEqualTo(first.get("customer").get("id").asLong());
        assertThat(second.get("customer").get("externalRef").asString()).isEqualTo(reference);
        assertThat(second.get("customer").get("name").asString()).isEqualTo("Walk In");
    }

    @Test
    void anEmailThatBelongsToAnotherCustomerIsRefusedClearly() {
        String email = "shared-" + unique() + "@example.com";
        Map<String, Object> byEmail = new HashMap<>(complaint("x", "delivery"));
        byEmail.put("customer", Map.of("email", email));
        admin().post("/api/v1/complaints", byEmail);
        String otherRef = "C-" + unique();
        Map<String, Object> refOnly = new HashMap<>(complaint("x", "delivery"));
        refOnly.put("customer", Map.of("externalRef", otherRef));
        admin().post("/api/v1/complaints", refOnly);
        Map<String, Object> both = new HashMap<>(complaint("x", "billing"));
        both.put("customer", Map.of("externalRef", otherRef, "email", email));
        Map<String, Long> before = counts(WRITTEN);

        Http.Response refused = admin().post("/api/v1/complaints", both);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains(email, "another customer");
        assertThat(counts(WRITTEN)).isEqualTo(before);
    }

    static List<Arguments> badComplaints() {
        Map<String, Object> noCustomer = new HashMap<>(complaint("C-bad", "delivery"));
        noCustomer.remove("customer");
        Map<String, Object> fax = new HashMap<>(complaint("C-bad", "delivery"));
        fax.put("channel", "fax");
        Map<String, Object> severityNine = new HashMap<>(complaint("C-bad", "delivery"));
        severityNine.put("severity", 9);
        Map<String, Object> hugeSubject = new HashMap<>(complaint("C-bad", "delivery"));
        hugeSubject.put("subject", "x".repeat(1024 * 1024));
        Map<String, Object> unknownCategory = new HashMap<>(complaint("C-bad", "delivery"));
        unknownCategory.put("category", "weather");
        Map<String, Object> badEmail = new HashMap<>(complaint("C-bad", "delivery"));
        badEmail.put("customer", Map.of("email", "not-an-address"));
        Map<String, Object> severityText = new HashMap<>(complaint("C-bad", "delivery"));
        severityText.put("severity", "high");
        return List.of(
            Arguments.of("missing customer", noCustomer, "customer"),
            Arguments.of("unknown channel", fax, "channel"),
            Arguments.of("severity 9", severityNine, "severity"),
            Arguments.of("1 MB subject", hugeSubject, "subject"),
            Arguments.of("unknown category", unknownCategory, "category"),
            Arguments.of("malformed email", badEmail, "customer.email"),
            Arguments.of("severity as text", severityText, "severity"),
            Arguments.of("malformed JSON", "{\"customer\": {\"name\": ", null),
            Arguments.of("empty body", "", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badComplaints")
    void badInputGetsAProblemDocumentAndWritesNothing(String name, Object body, String field) {
        Map<String, Long> before = counts(WRITTEN);

        Http.Response response = admin().with("Idempotency-Key", "bad-" + unique()).post("/api/v1/complaints", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank().doesNotContain("Exception");
        if (field != null) {
            assertThat(problem.get("detail").asString()).contains(field);
        }
        assertThat(counts(WRITTEN)).isEqualTo(before);
    }

    @Test
    void everyInvalidFieldIsReportedAtOnce() {
        Map<String, Object> body = new HashMap<>(complaint("C-" + unique(), "delivery"));
        body.put("channel", "fax");
        body.put("severity", 0);
        body.remove("subject");

        JsonNode problem = admin().post("/api/v1/complaints", body).json();

        assertThat(problem.get("errors")).extracting(error -> error.get("field").asString())
            .containsExactlyInAnyOrder("channel", "severity", "subject");
    }

    private List<JsonNode> casesOf(String customerRef) {
        Long customerId = jdbc.sql("select id from customers where external_ref = ?").param(customerRef).query(Long.class).single();
        List<JsonNode> items = new ArrayList<>();
        admin().get("/api/v1/cases?customer=" + customerId).json().get("items").forEach(items::add);
        return items;
    }
}
