package org.redress.cases;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import org.redress.customers.CustomerDetails;
import org.redress.identity.RedressUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/complaints")
@Tag(name = "Intake", description = "Complaints from every channel.")
class ComplaintApiController {

    @Schema(description = "A complaint from any channel.")
    record ComplaintRequest(
        @Schema(description = "Who complains. `externalRef` or `email` is required.", requiredMode = Schema.RequiredMode.REQUIRED)
        @Nullable CustomerDetails customer,
        @Schema(description = "email, phone, web, chat, social, review, survey, in-person or proactive.", example = "email",
            requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String channel,
        @Schema(description = "A category code from GET /api/v1/taxonomy/categories.", example = "delivery",
            requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String category,
        @Schema(description = "1 (critical) to 4 (low); 3 when left out.", example = "2") @Nullable Integer severity,
        @Schema(description = "Short summary, at most 200 characters.", example = "Parcel arrived broken",
            requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String subject,
        @Schema(description = "The customer's own words, stored exactly as given (at most 50,000 characters).",
            requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String message) {}

    private final Intake intake;
    private final IntakeWriter writer;

    ComplaintApiController(Intake intake, IntakeWriter writer) {
        this.intake = intake;
        this.writer = writer;
    }

    @PostMapping
    @Operation(summary = "Take a complaint", description = """
        Opens a recovery case, or adds the complaint as a new message to the customer's open case in the same \
        category. With an `Idempotency-Key`, a retry returns the case of the first request instead of a new one \
        (with `Idempotent-Replayed: true`); reusing a key for a different complaint is refused with 409.         People and integrations (business systems) alike may post complaints.""")
    @ApiResponse(responseCode = "201", description = "A new case was opened; `Location` points to it.", headers = {
        @Header(name = "Location", description = "The case: /api/v1/cases/{number}."),
        @Header(name = "Redress-Intake", description = "`opened`, `joined` or `replayed`."),
        @Header(name = "Idempotent-Replayed", description = "`true` when this answers a retry of an earlier request.")})
    @ApiResponse(responseCode = "200", description = "The complaint joined the customer's open case in the same "
        + "category (header `Redress-Intake: joined`), or the request was a retry of an earlier one "
        + "(`Redress-Intake: replayed`, `Idempotent-Replayed: true`).", headers = {
        @Header(name = "Location", description = "The case: /api/v1/cases/{number}."),
        @Header(name = "Redress-Intake", description = "`opened`, `joined` or `replayed`."),
        @Header(name = "Idempotent-Replayed", description = "`true` when this answers a retry of an earlier request.")})
    ResponseEntity<CaseView> receive(@RequestBody ComplaintRequest request,
            @Parameter(description = "A key unique to this complaint (at most 200 characters), so retries never make a second case.")
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
            @AuthenticationPrincipal RedressUser user) {
        Intake.Complaint complaint = new Intake.Complaint(request.customer(), request.channel(), request.category(),
            request.severity(), request.subject(), request.message());
        // Checked here, so bad input is refused before it could hold up other complaints.
        Intake.Received received = writer.receive(intake.check(complaint, idempotencyKey), user.actor());
        CaseView view = received.recoveryCase();
        return ResponseEntity.status(received.result() == Intake.Result.OPENED ? HttpStatus.CREATED : HttpStatus.OK)
            .location(URI.create("/api/v1/cases/" + view.number()))
            .header("Redress-Intake", received.result().name().toLowerCase(java.util.Locale.ROOT))
            .header("Idempotent-Replayed", String.valueOf(received.result() == Intake.Result.REPLAYED))
            .body(view);
    }
}
