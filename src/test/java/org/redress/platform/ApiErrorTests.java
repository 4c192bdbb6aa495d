package org.redress.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.redress.ApplicationTest;
import org.redress.Http;

class ApiErrorTests extends ApplicationTest {

    @Test
    void anUnknownPathIsAProblemDocument() {
        Http.Response response = admin().get("/api/v1/nothing-here");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains("/api/v1/nothing-here");
    }

    @Test
    void aMethodThePathDoesNotTakeIsAProblemDocument() {
        Http.Response response = admin().delete("/api/v1/complaints");

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains("POST");
    }

    @Test
    void anOversizedBodyIsRefusedBeforeItIsReadAndWritesNothing() {
        long before = count("recovery_cases");
        String huge = "{\"subject\": \"" + "x".repeat(3 * 1024 * 1024) + "\"}";

        Http.Response response = admin().post("/api/v1/complaints", huge);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains("at most 2097152");
        assertThat(count("recovery_cases")).isEqualTo(before);
    }

    @Test
    void anOversizedChunkedBodyIsRefusedToo() throws Exception {
        long before = count("recovery_cases");
        byte[] huge = ("{\"subject\": \"" + "x".repeat(3 * 1024 * 1024) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/complaints"))
            .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                (ADMIN_EMAIL + ":" + ADMIN_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
            .header("Content-Type", "application/json")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge)))
            .build();

        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
            .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("Request too large");
        assertThat(count("recovery_cases")).isEqualTo(before);
    }

    @Test
    void aBodyThatIsNotJsonIsAProblemDocument() {
        Http.Response post = Http.basic(port, ADMIN_EMAIL, ADMIN_PASSWORD).post("/api/v1/complaints", "customer=maria");

        assertThat(post.status()).isEqualTo(400);
        assertThat(post.header("Content-Type")).startsWith("application/problem+json");
    }
}
