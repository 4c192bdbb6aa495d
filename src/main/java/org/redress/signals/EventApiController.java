package org.redress.signals;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Business events", description = "What business systems tell Redress about customers; for integrations only.")
class EventApiController {

    private final BusinessEvents events;

    EventApiController(BusinessEvents events) {
        this.events = events;
    }

    @Schema(name = "EventBatch", description = "Up to 1,000 business events.")
    record Batch(@Schema(description = "The events.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable List<BusinessEvents.Event> events) {}

    @PostMapping("/api/v1/events")
    @ApiResponse(responseCode = "403", description = "Not an integration: only a user with the role integration, through "
        + "a token an admin issued, posts here (people, admins included, do not).", content = @Content(
        mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
    @Operation(summary = "Send business events", description = "Each event is checked on its own: good ones are stored, "
        + "bad ones reported by position, and an eventId seen before is ignored (a batch may be sent again safely).")
    BusinessEvents.Result take(@RequestBody Batch batch) {
        return events.take(batch.events());
    }
}
