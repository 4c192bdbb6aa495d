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
    void aBodyThatIsNotJsonIsAProblemDocument() {
        Http.Response response = admin().with("Content-Type", "text/plain").get("/api/v1/cases");
        Http.Response post = Http.basic(port, ADMIN_EMAIL, ADMIN_PASSWORD).post("/api/v1/complaints", "customer=maria");

        assertThat(response.status()).isEqualTo(200);
        assertThat(post.status()).isEqualTo(400);
        assertThat(post.header("Content-Type")).startsWith("application/problem+json");
    }
}
