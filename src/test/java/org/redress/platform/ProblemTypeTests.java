package org.redress.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.redress.ApplicationTest;
import org.redress.Http;
import org.redress.shared.ProblemType;

import tools.jackson.databind.JsonNode;

/** Every problem the API answers carries a stable type a client can branch on, never about:blank. */
class ProblemTypeTests extends ApplicationTest {

    @Test
    void everyKindOfRefusalCarriesItsStableType() throws Exception {
        String number = open(admin(), "PT-" + unique()).get("number").asString();
        Map<String, Answer> answers = new LinkedHashMap<>();
        answers.put("invalid-input", answer(admin().get("/api/v1/cases?limit=0")));
        answers.put("malformed-request", answer(admin().post("/api/v1/complaints", "{\"subject\": ")));
        answers.put("unauthorized", answer(Http.anonymous(port).get("/api/v1/cases")));
        answers.put("forbidden", answer(member("agent", null).http().get("/api/v1/audit")));
        answers.put("not-found", answer(admin().get("/api/v1/cases/RC-999999")));
        answers.put("unknown route", answer(admin().get("/api/v1/nothing-here")));
        answers.put("method-not-allowed", answer(admin().delete("/api/v1/complaints")));
        answers.put("conflict", answer(admin().post("/api/v1/cases/" + number + "/close", Map.of("outcome", "recovered"))));
        answers.put("unsupported-media-type", raw("POST", "/api/v1/complaints", "text/plain", "customer=maria"));

        assertThat(answers).allSatisfy((name, answer) -> {
            assertThat(answer.contentType()).as(name).startsWith("application/problem+json");
            assertThat(answer.type()).as(name).isNotBlank().isNotEqualTo("about:blank").startsWith(ProblemType.BASE);
            assertThat(answer.body().path("status").asInt()).as(name).isEqualTo(answer.status());
        });
        assertThat(answers).satisfies(a -> {
            assertThat(a.get("invalid-input").type()).isEqualTo(ProblemType.INVALID_INPUT.uri().toString());
            assertThat(a.get("malformed-request").type()).isEqualTo(ProblemType.MALFORMED_REQUEST.uri().toString());
            assertThat(a.get("unauthorized").type()).isEqualTo(ProblemType.UNAUTHORIZED.uri().toString());
            assertThat(a.get("forbidden").type()).isEqualTo(ProblemType.FORBIDDEN.uri().toString());
            assertThat(a.get("not-found").type()).isEqualTo(ProblemType.NOT_FOUND.uri().toString());
            assertThat(a.get("unknown route").type()).isEqualTo(ProblemType.NOT_FOUND.uri().toString());
            assertThat(a.get("method-not-allowed").type()).isEqualTo(ProblemType.METHOD_NOT_ALLOWED.uri().toString());
            assertThat(a.get("conflict").type()).isEqualTo(ProblemType.CONFLICT.uri().toString());
            assertThat(a.get("unsupported-media-type").type()).isEqualTo(ProblemType.UNSUPPORTED_MEDIA_TYPE.uri().toString());
        });
        assertThat(answers.values()).extracting(Answer::status).containsExactly(400, 400, 401, 403, 404, 404, 405, 409, 415);
    }

    @Test
    void theOpenApiDocumentListsEveryType() {
        JsonNode type = Http.anonymous(port).get("/v3/api-docs").json()
            .get("components").get("schemas").get("ProblemDetail").get("properties").get("type");

        for (ProblemType kind : ProblemType.values()) {
            assertThat(type.get("description").asString()).contains(kind.uri().toString());
            assertThat(type.get("enum").toString()).contains(kind.uri().toString());
        }
    }

    private record Answer(int status, String contentType, String type, JsonNode body) {}

    private static Answer answer(Http.Response response) {
        JsonNode body = response.json();
        return new Answer(response.status(), String.valueOf(response.header("Content-Type")), body.path("type").asString(""), body);
    }

    private Answer raw(String method, String path, String contentType, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (ADMIN_EMAIL + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
            .header("Accept", "application/json")
            .header("Content-Type", contentType)
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode json = Http.JSON.readTree(response.body());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
            json.path("type").asString(""), json);
    }
}
