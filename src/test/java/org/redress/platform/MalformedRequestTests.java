package org.redress.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.redress.ApplicationTest;
import org.redress.Http;

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
    void anEscapedBackslashBeforeU0000IsTextNotNul() {
        Map<String, Object> complaint = new LinkedHashMap<>(complaint("SLASH-" + unique(), "delivery"));
        complaint.put("subject", "Path C:\\u0000 broken");

        Http.Response response = admin().post("/api/v1/complaints", complaint);

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("subject").asString()).isEqualTo("Path C:\\u0000 broken");
    }

    @Test
    void anInboundEmailWithAnEmptyAttachmentIsAnInvalidRequest() {
        Map<String, Long> before = counts(WRITTEN);
        java.util.List<Object> attachments = new java.util.ArrayList<>();
        attachments.add(null);
        Map<String, Object> mail = new LinkedHashMap<>(Map.of("from", "maria-" + unique() + "@example.com",
            "subject", "Broken", "text", "It broke.", "messageId", "<" + unique() + "@example.com>"));
        mail.put("attachments", attachments);

        Http.Response response = admin().post("/api/v1/inbound/email", mail);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(counts(WRITTEN)).isEqualTo(before);
    }

    private static void assertProblem(Raw response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(response.body()).startsWith("application/problem+json");
        assertThat(Http.JSON.readTree(response.body()).get("status").asInt()).isEqualTo(status);
    }

    record Raw(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }
    }

    private Raw raw(String requestLine, String... headers) throws IOException {
        return send(requestLine, null, headers);
    }

    private Raw rawWithBody(String requestLine, String body, String... headers) throws IOException {
        return send(requestLine, body, headers);
    }

    /** Sends the request exactly as written, as admin, and reads the whole answer. */
    private Raw send(String requestLine, String body, String... headers) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            StringBuilder request = new StringBuilder(requestLine).append("\r\nHost: 127.0.0.1\r\nConnection: close\r\n")
                .append("Authorization: Basic ").append(Base64.getEncoder().encodeToString(
                    (ADMIN_EMAIL + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8))).append("\r\n");
            boolean accepts = false;
            for (String header : headers) {
                request.append(header).append("\r\n");
                accepts |= header.toLowerCase(Locale.ROOT).startsWith("accept:");
            }
            if (!accepts) {
                request.append("Accept: application/json\r\n");
            }
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            if (body != null) {
                request.append("Content-Length: ").append(content.length).append("\r\n");
            }
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.flush();
            return parse(socket.getInputStream());
        }
    }

    private static Raw parse(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try {
            in.transferTo(all);
        } catch (IOException e) {
            // the server closed after answering
        }
        String text = all.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        String[] head = text.substring(0, end).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            headers.put(head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), head[i].substring(colon + 1).trim());
        }
        String body = text.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunk(body);
        }
        return new Raw(Integer.parseInt(head[0].split(" ")[1]), headers, body);
    }

    private static String unchunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int line = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, line).trim(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(chunked, line + 2, line + 2 + size);
            at = line + 2 + size + 2;
        }
    }
}
