package org.redress.platform;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import org.redress.shared.ProblemType;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The OpenAPI document at {@code /v3/api-docs}. Every operation also documents the
 * problem responses any request can meet, so a client knows the error shape up front.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    private static final Map<String, String> COMMON_PROBLEMS = Map.of(
        "400", "Invalid request: the problem's detail says what to change and `errors` lists the fields. Nothing was written.",
        "401", "Not signed in: send a bearer token or HTTP Basic credentials.",
        "403", "Signed in, but your role does not allow this action.",
        "409", "Not possible in the current state (the detail says what is missing), or changed meanwhile.",
        "500", "Something went wrong on our side; the detail says so and the administrator finds it in the log.",
        "503", "The database cannot be reached or did not answer in time; retry after `Retry-After` seconds. "
            + "`outcome` says what became of the request: `not-applied` (nothing was changed) or `unknown` (the "
            + "connection was lost while the change was being saved: check before repeating it, or repeat it with "
            + "the same `Idempotency-Key`).");

    private static final Map<String, String> BODY_PROBLEMS = Map.of(
        "413", "The request body is larger than accepted (2 MiB; 20 MiB for inbound email).",
        "415", "The body's `Content-Type` is not one this operation takes (it names a media type, e.g. `application/json`, not a pattern).");

    private static final String SCHEMA = "ProblemDetail";
    private static final String PROBLEM_JSON = "application/problem+json";

    @Bean
    OpenAPI redressOpenApi() {
        return new OpenAPI()
            .info(new Info().title("Redress API").version("v1")
                .description("""
                    Service recovery: take complaints from every channel, walk each case through the \
                    recovery playbook (acknowledge, listen, apologize, identify the cause, explain, resolve, \
                    fulfil, follow up, learn) and close it with an outcome. Errors are RFC 9457 problem \
                    documents (`application/problem+json`) with a stable `type` (listed on the ProblemDetail \
                    schema). Lists page one way: `cursor` (and `limit` where the page is not a fixed fifty) in, \
                    `items` and `nextCursor` out \
                    (`nextCursor` null on the last page; cursors are opaque). Breaking changes are listed \
                    in CHANGELOG.md.""")
                .license(new License().name("Apache-2.0")))
            .components(new Components()
                .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                    .description("An API token created in the console (Account → API tokens) or via POST /api/v1/tokens; "
                        + "an integration's token is issued by an admin (POST /api/v1/users/{id}/tokens)."))
                .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                    .description("Email and password; convenient for first use and scripts.")))
            .addSecurityItem(new SecurityRequirement().addList("bearer"))
            .addSecurityItem(new SecurityRequirement().addList("basic"));
    }

    /**
     * Every error answer is a problem document and says so; every success names its real
     * media type (springdoc would write {@code *}{@code /*} where a controller does not).
     */
    @Bean
    OpenApiCustomizer commonProblemResponses() {
        return api -> {
            api.getComponents().addSchemas(SCHEMA, problemSchema());
            api.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
                COMMON_PROBLEMS.forEach((status, description) -> addIfMissing(operation.getResponses(), status, description));
                if (operation.getRequestBody() != null) {
                    BODY_PROBLEMS.forEach((status, description) -> addIfMissing(operation.getResponses(), status, description));
                }
                if (path.contains("{")) {
                    addIfMissing(operation.getResponses(), "404", "Nothing exists with that identifier.");
                }
                operation.getResponses().forEach((status, response) -> {
                    if (status.startsWith("4") || status.startsWith("5")) {
                        response.setContent(problemContent());
                    } else if (response.getContent() != null) {
                        response.setContent(concrete(response.getContent(), "application/json"));
                    }
                });
                if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                    operation.getRequestBody().setContent(concrete(operation.getRequestBody().getContent(), "application/json"));
                }
            }));
        };
    }

    private static void addIfMissing(io.swagger.v3.oas.models.responses.ApiResponses responses, String status, String description) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().description(description));
        }
    }

    /** The same content with a wildcard media type replaced by the one the server sends or takes. */
    private static Content concrete(Content content, String mediaType) {
        Content concrete = new Content();
        content.forEach((type, media) -> concrete.addMediaType(type.contains("*") ? mediaType : type, media));
        return concrete;
    }

    private static Content problemContent() {
        return new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA)));
    }

    private static String typeList() {
        return Arrays.stream(ProblemType.values())
            .map(type -> "- `" + type.uri() + "` (" + type.status() + "): " + type.meaning())
            .collect(Collectors.joining("\n"));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        Schema fieldError = new ObjectSchema()
            .addProperty("field", new StringSchema().description("The field at fault, e.g. `customer.email`."))
            .addProperty("message", new StringSchema().description("What is wrong with it."));
        return new ObjectSchema().description("An RFC 9457 problem document. Its `type` names the kind of problem and is stable: "
                + "branch on it, not on `title` or `detail`.")
            .addProperty("type", new StringSchema().format("uri")._enum(Arrays.stream(ProblemType.values())
                    .map(type -> type.uri().toString()).toList())
                .description("The kind of problem, one of these URIs (never `about:blank`):\n\n" + typeList()))
            .addProperty("title", new StringSchema().description("A short summary of the kind of problem."))
            .addProperty("status", new IntegerSchema().description("The HTTP status code."))
            .addProperty("detail", new StringSchema().description("What went wrong in this request and how to fix it."))
            .addProperty("instance", new StringSchema().description("The request path."))
            .addProperty("errors", new ArraySchema().items(fieldError).description("For invalid requests: each field at fault."))
            .addProperty("outcome", new StringSchema()._enum(java.util.List.of("not-applied", "unknown"))
                .description("For 503: whether the request changed anything (`not-applied`) or nobody can tell (`unknown`)."));
    }
}
