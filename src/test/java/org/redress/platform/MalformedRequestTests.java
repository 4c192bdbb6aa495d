package org.redress.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.redress.ApplicationTest;
import org.redress.Http;
import org.redress.Nodes;
import org.redress.RawHttp;

/**
 * Whatever a client sends, the answer is a problem document (or, for a person's browser,
 * a readable page), never Tomcat's HTML or Spring's default JSON, and never a 5xx. Requests
 * go over a raw socket where an HTTP client would tidy the address.
 */
class MalformedRequestTests extends ApplicationTest {

    private static final List<String> WRITTEN = List.of("recovery_cases", "customers", "audit_log", "inbound_mail");

    @Test
    void badPercentEncodingInThePathIsAProblemDocument() throws IOException {
        Raw response = raw("GET /api/v1/cases/%zz HTTP/1.1", "Accept: application/json");

        assertProblem(response, 400);
    }

    @Test
    void badPercentEncodingInAConsoleAddressIsAReadablePageForABrowser() throws IOException {
        Raw response = raw("GET /cases/%zz HTTP/1.1", "Accept: text/html");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("text/html");
        assertThat(response.body()).contains("<h1>Bad Request</h1>").doesNotContain("Apache Tomcat");
    }

    @Test
    void anOversizedHeaderIsAProblemDocument() throws IOException {
        Raw response = raw("GET /api/v1/cases HTTP/1.1", "X-Padding: " + "a".repeat(20_000));

        assertProblem(response, 400);
    }

    @Test
    void tooManyParametersAreAProblemDocument() throws IOException {
        String parameters = IntStream.range(0, 1_200).mapToObj(i -> "p" + i + "=1").collect(Collectors.joining("&"));

        Raw inQuery = raw("GET /api/v1/cases?" + parameters + " HTTP/1.1");
        Raw inForm = rawWithBody("POST /api/v1/complaints HTTP/1.1", parameters, "Content-Type: application/x-www-form-urlencoded");

        assertProblem(inQuery, 400);
        assertProblem(inForm, 400);
    }

    @Test
    void addressesTheFirewallRefusesAreProblemDocuments() throws IOException {
        for (String path : List.of("/api/v1/cases/..;/users", "/api/v1/cases/%2e%2e/users", "/api/v1/cases/a%0d%0aSet-Cookie:x",
                "/api/v1/cases/a%2fb", "/api/v1/cases/a;jsessionid=1", "/api/v1/../v1/cases")) {
            Raw response = raw("GET " + path + " HTTP/1.1");

            assertThat(response.status()).as(path).isEqualTo(400);
            assertThat(response.header("Content-Type")).as(path).startsWith("application/problem+json");
        }
    }

    @Test
    void traceIsAProblemDocument() throws IOException {
        Raw response = raw("TRACE /api/v1/cases HTTP/1.1");

        assertProblem(response, 405);
    }

    @Test
    void errorAskedForDirectlyIsNotFoundNotAServerError() {
        Http.Response response = Http.anonymous(port).get("/error");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aWildcardContentTypeIsRefusedWith415AndWritesNothing() {
        Map<String, Long> before = counts(WRITTEN);

        Http.Response response = admin().with("Content-Type", "*/*").post("/api/v1/complaints",
            Http.JSON.writeValueAsString(complaint("WILD-" + unique(), "delivery")));
        Http.Response subtype = admin().with("Content-Type", "application/*").post("/api/v1/complaints",
            Http.JSON.writeValueAsString(complaint("WILD-" + unique(), "delivery")));

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(subtype.status()).isEqualTo(415);
        assertThat(counts(WRITTEN)).isEqualTo(before);
    }

    @Test
    void aNulCharacterAnywhereIsRefusedWith400AndWritesNothing() throws IOException {
        Map<String, Long> before = counts(WRITTEN);
        String ref = "NUL-" + unique();
        Map<String, Object> complaint = new LinkedHashMap<>(complaint(ref, "delivery"));
        complaint.put("subject", "Broken\u0000parcel");

        Http.Response inBody = admin().post("/api/v1/complaints", complaint);
        Http.Response inKey = admin().post("/api/v1/complaints", Map.of("customer\u0000", Map.of("externalRef", ref)));
        Http.Response inQuery = admin().get("/api/v1/cases?q=a%00b");
        Raw inForm = rawWithBody("POST /api/v1/complaints HTTP/1.1", "subject=a%00b", "Content-Type: application/x-www-form-urlencoded");
        Raw rawByte = rawWithBody("POST /api/v1/complaints HTTP/1.1", "{\"subject\": \"a\u0000b\"}", "Content-Type: application/json");

        for (Http.Response response : List.of(inBody, inKey, inQuery)) {
            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.json().get("detail").asString()).contains("NUL");
        }
        assertProblem(inForm, 400);
        assertProblem(rawByte, 400);
        assertThat(counts(WRITTEN)).isEqualTo(before);
    }

    @Test
    void aNulCharacterIsRefusedOnH2TooWhichWouldStoreIt() {
        try (var node = Nodes.start("jdbc:h2:mem:nul-" + unique() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                false)) {
            Map<String, Object> complaint = new LinkedHashMap<>(complaint("NUL-H2", "delivery"));
            complaint.put("message", "Broken\u0000parcel");

            Http.Response response = Nodes.admin(node).post("/api/v1/complaints", complaint);

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(node.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("select count(*) from recovery_cases").query(Long.class).single()).isZero();
        }
    }

    @Test
    void anEscapedBackslashBeforeU0000IsTextNotNul() {
        Map<String, Object> complaint = new LinkedHashMap<>(complaint("SLASH-" + unique(), "delivery"));
        complaint.put("subject", "Path C:\\u0000 broken");

        Http.Response response = admin().post("/api/v1/complaints", complaint);

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("subject").asString()).isEqualTo("Path C:\\u0000 broken");
    }

    @Test
    void anInboundEmailWithAnEmptyAttachmentIsAnInvalidRequest() {
        Http mailProvider = integration();
        Map<String, Long> before = counts(WRITTEN);
        java.util.List<Object> attachments = new java.util.ArrayList<>();
        attachments.add(null);
        Map<String, Object> mail = new LinkedHashMap<>(Map.of("from", "maria-" + unique() + "@example.com",
            "subject", "Broken", "text", "It broke.", "messageId", "<" + unique() + "@example.com>"));
        mail.put("attachments", attachments);

        Http.Response response = mailProvider.post("/api/v1/inbound/email", mail);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(counts(WRITTEN)).isEqualTo(before);
    }

    private static void assertProblem(Raw response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(response.body()).startsWith("application/problem+json");
        assertThat(Http.JSON.readTree(response.body()).get("status").asInt()).isEqualTo(status);
    }

    private Raw raw(String requestLine, String... headers) throws IOException {
        return send(requestLine, null, headers);
    }

    private Raw rawWithBody(String requestLine, String body, String... headers) throws IOException {
        return send(requestLine, body, headers);
    }

    private Raw send(String requestLine, String body, String... headers) throws IOException {
        String[] parts = requestLine.split(" ");
        return new Raw(RawHttp.basic(port, ADMIN_EMAIL, ADMIN_PASSWORD).send(parts[0], parts[1], body, headers));
    }

    private record Raw(RawHttp.Response response) {

        int status() {
            return response.status();
        }

        String header(String name) {
            return response.header(name);
        }

        String body() {
            return response.body();
        }
    }
}
