package org.redress.webhooks;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.redress.identity.RedressUser;
import org.redress.shared.Paging;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Webhooks", description = "Business systems subscribe to what happens in Redress. Each message is posted as JSON "
    + "{type, timestamp, data} with the Standard Webhooks headers webhook-id, webhook-timestamp (Unix seconds) and "
    + "webhook-signature (v1,<base64 HMAC-SHA256 of id.timestamp.body>, one per secret while a secret is rotated). A 2xx answer "
    + "delivers it; otherwise it is retried after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h, then given up. Admins only.")
class WebhookApiController {

    private final Endpoints endpoints;
    private final DeliveryLog deliveries;

    WebhookApiController(Endpoints endpoints, DeliveryLog deliveries) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
    }

    @Schema(name = "WebhookEventType", description = "An event type an endpoint may subscribe to.")
    record Type(@Schema(description = "The name, sent as `type`.", example = "case.opened") String code,
                @Schema(description = "What it means.") String description) {}

    @GetMapping("/api/v1/webhooks/event-types")
    @Operation(summary = "Event types")
    List<Type> types() {
        return Arrays.stream(EventType.values()).map(type -> new Type(type.code(), type.description())).toList();
    }

    @GetMapping("/api/v1/webhooks/endpoints")
    @Operation(summary = "Endpoints")
    List<Endpoints.Endpoint> list(@AuthenticationPrincipal RedressUser me) {
        return endpoints.list(me);
    }

    @Schema(name = "WebhookEndpointRequest", description = "A new endpoint.")
    record EndpointRequest(@Schema(description = "http or https URL to post to.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String url,
                           @Schema(description = "Event types, or [\"*\"] for all.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable List<String> eventTypes,
                           @Schema(description = "What it is for.") @Nullable String description) {}

    @PostMapping("/api/v1/webhooks/endpoints")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an endpoint", description = "It receives the events that happen from now on, signed with the secret "
        + "in the answer.")
    Endpoints.Endpoint create(@RequestBody EndpointRequest body, @AuthenticationPrincipal RedressUser me) {
        return endpoints.create(me, body.url(), body.eventTypes(), body.description());
    }

    @GetMapping("/api/v1/webhooks/endpoints/{id}")
    @Operation(summary = "An endpoint")
    Endpoints.Endpoint one(@Parameter(description = "Endpoint id.") @PathVariable long id, @AuthenticationPrincipal RedressUser me) {
        return endpoints.one(me, id);
    }

    @PostMapping("/api/v1/webhooks/endpoints/{id}/{action:stop|resume}")
    @Operation(summary = "Stop or resume an endpoint", description = "While stopped, its deliveries wait; resumed, they are sent in order.")
    Endpoints.Endpoint active(@Parameter(description = "Endpoint id.") @PathVariable long id,
                              @Parameter(description = "stop or resume.") @PathVariable String action, @AuthenticationPrincipal RedressUser me) {
        return endpoints.setActive(me, id, action.equals("resume"));
    }

    @PostMapping("/api/v1/webhooks/endpoints/{id}/rotate-secret")
    @Operation(summary = "Rotate the signing secret", description = "A new secret signs from now on; the previous one also signs for "
        + "24 hours, so the receiver can switch without missing a message.")
    Endpoints.Endpoint rotate(@Parameter(description = "Endpoint id.") @PathVariable long id, @AuthenticationPrincipal RedressUser me) {
        return endpoints.rotate(me, id);
    }

    @Schema(name = "WebhookDeliveryPage", description = "A page of the delivery log, newest first.")
    record DeliveryPage(@Schema(description = "The deliveries on this page.") List<DeliveryLog.Delivery> items,
                        @Schema(description = Paging.NEXT_CURSOR) @Nullable String nextCursor) {}

    @GetMapping("/api/v1/webhooks/deliveries")
    @Operation(summary = "The delivery log", description = "Newest first; pass `nextCursor` as `cursor` for the next page.")
    DeliveryPage deliveries(@Parameter(description = "Only this endpoint's.") @RequestParam(required = false) @Nullable Long endpoint,
                            @Parameter(description = "pending, delivered or failed.") @RequestParam(required = false) @Nullable String state,
                            @Parameter(description = Paging.CURSOR) @RequestParam(required = false) @Nullable String cursor,
                            @Parameter(description = "Page size, 1–500.") @RequestParam(defaultValue = "100") int limit,
                            @AuthenticationPrincipal RedressUser me) {
        Paging.Page<DeliveryLog.Delivery> page = deliveries.page(me, endpoint, state, cursor, limit);
        return new DeliveryPage(page.items(), page.nextCursor());
    }

    @PostMapping("/api/v1/webhooks/deliveries/{id}/replay")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Send a delivery again", description = "The same message (same webhook-id) as a new delivery, due now.")
    DeliveryLog.Delivery replay(@Parameter(description = "Delivery id.") @PathVariable long id, @AuthenticationPrincipal RedressUser me) {
        return deliveries.replay(me, id);
    }
}
