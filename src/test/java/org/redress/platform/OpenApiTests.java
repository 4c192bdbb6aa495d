package org.redress.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.redress.ApplicationTest;
import org.redress.Http;

import tools.jackson.databind.JsonNode;

class OpenApiTests extends ApplicationTest {

    @Test
    void theServerPublishesADocumentDescribingEveryOperationAndItsErrors() {
        JsonNode api = Http.anonymous(port).get("/v3/api-docs").json();

        assertThat(api.get("paths").propertyNames()).contains("/api/v1/complaints", "/api/v1/cases/{case}/acknowledge",
            "/api/v1/cases/{case}/close", "/api/v1/users", "/api/v1/tokens", "/api/v1/audit");
        List<String> undocumented = new ArrayList<>();
        api.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            JsonNode op = operation.getValue();
            String name = operation.getKey().toUpperCase() + " " + path.getKey();
            if (op.path("summary").asString("").isBlank()) {
                undocumented.add(name + " has no summary");
            }
            if (!op.path("responses").has("400") || !op.path("responses").has("401")) {
                undocumented.add(name + " does not describe its problem responses");
            }
            if (path.getKey().contains("{") && !op.path("responses").has("404")) {
                undocumented.add(name + " does not describe its 404");
            }
            op.path("parameters").forEach(parameter -> {
                if (parameter.path("description").asString("").isBlank()) {
                    undocumented.add(name + " parameter " + parameter.path("name").asString() + " has no description");
                }
            });
        }));
        assertThat(undocumented).isEmpty();
        assertThat(api.get("components").get("schemas").get("ProblemDetail").get("properties").propertyNames())
            .contains("title", "status", "detail", "errors", "outcome");
    }

    @Test
    void everyErrorIsDeclaredAsAProblemDocumentAndEverySuccessWithItsRealMediaType() {
        JsonNode api = Http.anonymous(port).get("/v3/api-docs").json();

        List<String> wrong = new ArrayList<>();
        api.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            String name = operation.getKey().toUpperCase() + " " + path.getKey();
            JsonNode op = operation.getValue();
            if (!op.path("responses").has("503")) {
                wrong.add(name + " does not declare 503 (database unavailable)");
            }
            op.path("responses").properties().forEach(response -> {
                JsonNode content = response.getValue().path("content");
                boolean error = response.getKey().startsWith("4") || response.getKey().startsWith("5");
                if (error && (content.size() != 1 || !content.path("application/problem+json").path("schema").path("$ref")
                        .asString("").equals("#/components/schemas/ProblemDetail"))) {
                    wrong.add(name + " " + response.getKey() + " is not declared as application/problem+json: " + content.propertyNames());
                }
                if (!error && content.propertyNames().stream().anyMatch(type -> type.contains("*"))) {
                    wrong.add(name + " " + response.getKey() + " declares " + content.propertyNames());
                }
            });
            if (op.path("requestBody").path("content").propertyNames().stream().anyMatch(type -> type.contains("*"))) {
                wrong.add(name + " takes " + op.path("requestBody").path("content").propertyNames());
            }
        }));
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyOperationOnACaseSaysWhoMayActOnItAndBusinessEventsSayOnlyIntegrations() {
        JsonNode paths = Http.anonymous(port).get("/v3/api-docs").json().get("paths");

        List<String> caseOperations = new ArrayList<>();
        paths.properties().stream().filter(path -> path.getKey().startsWith("/api/v1/cases/{case}"))
            .forEach(path -> path.getValue().properties().forEach(operation -> caseOperations.add(
                operation.getValue().path("responses").path("403").path("description").asString(""))));

        assertThat(caseOperations).hasSizeGreaterThan(20)
            .allMatch(description -> description.startsWith("Not yours to act on: agents, leads and managers act only"));
        assertThat(paths.get("/api/v1/remedies/{id}/offer").get("post").get("responses").get("403").get("description")
            .asString()).startsWith("Not yours to act on");
        assertThat(paths.get("/api/v1/events").get("post").get("responses").get("403").get("description").asString())
            .startsWith("Not an integration");
        assertThat(paths.get("/api/v1/inbound/email").get("post").get("responses").get("403").get("description").asString())
            .startsWith("Not an integration");
    }

    @Test
    void everyFieldOfEverySchemaIsDescribed() {
        JsonNode schemas = Http.anonymous(port).get("/v3/api-docs").json().get("components").get("schemas");
        List<String> undescribed = new ArrayList<>();
        schemas.properties().forEach(schema -> schema.getValue().path("properties").properties().forEach(field -> {
            if (field.getValue().path("description").asString("").isBlank() && !field.getValue().has("$ref")) {
                undescribed.add(schema.getKey() + "." + field.getKey());
            }
        }));
        assertThat(undescribed).isEmpty();
    }
}
