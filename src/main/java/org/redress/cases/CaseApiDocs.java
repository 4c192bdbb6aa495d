package org.redress.cases;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;

/**
 * Says in the OpenAPI document, on every operation of a case (whichever module serves it),
 * when it answers 403: the rule {@link CaseAccess} enforces. Derived from the paths, as the
 * check on reads is, so an operation added later is described too. (Deciding on an approval
 * request is governed by authority instead, and keeps its own description.)
 */
@Configuration(proxyBeanMethods = false)
class CaseApiDocs {

    static final String REFUSED = "Not yours to act on: agents, leads and managers act only on the cases of their own "
        + "team, the shared inbox (cases with no team) and cases assigned to them (a lead or manager without a team, and "
        + "admins, on every case); integrations on none. Agents take only a case nobody holds and never give one to "
        + "someone else. The detail names the rule; the refusal is in the audit log as `access.denied`.";

    @Bean
    OpenApiCustomizer caseAccessResponses() {
        return api -> api.getPaths().forEach((path, item) -> {
            boolean decision = path.endsWith("/approve") || path.endsWith("/reject");
            if (path.startsWith("/api/v1/cases/{case}") || path.startsWith("/api/v1/promises/{id}")
                    || (path.startsWith("/api/v1/remedies/{id}") && !decision)) {
                item.readOperations().forEach(operation -> operation.getResponses().addApiResponse("403",
                    new ApiResponse().description(REFUSED).content(new Content().addMediaType("application/problem+json",
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))))));
            }
        });
    }
}
