package org.redress.promises;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.redress.cases.CaseManagement;
import org.redress.cases.CaseScope;
import org.redress.identity.RedressUser;
import org.redress.shared.InvalidInput;
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
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Promises", description = "Commitments made to customers: due time, owner, kept or broken.")
class PromiseApiController {

    private static final String CASE = "Case number (`RC-000123`) or id.";

    private final PromiseKeeping promises;
    private final CaseManagement cases;

    PromiseApiController(PromiseKeeping promises, CaseManagement cases) {
        this.promises = promises;
        this.cases = cases;
    }

    @GetMapping("/api/v1/cases/{case}/promises")
    @Operation(summary = "Promises made on a case")
    List<Promise> ofCase(@Parameter(description = CASE) @PathVariable("case") String number) {
        long id = CaseManagement.idOf(number);
        cases.requireExists(id);
        return promises.ofCase(id);
    }

    @Schema(name = "NewPromise", description = "A commitment to the customer.")
    record PromiseRequest(
        @Schema(description = "What we promise.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String description,
        @Schema(description = "When it is due (ISO 8601 instant, in the future).", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable Instant dueAt,
        @Schema(description = "The user who owns it; default: you.") @Nullable Long ownerId) {}

    @PostMapping("/api/v1/cases/{case}/promises")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Make a promise", description = "Records a commitment to the customer of the case.")
    @ApiResponse(responseCode = "201", description = "Made.")
    Promise make(@Parameter(description = CASE) @PathVariable("case") String number, @RequestBody PromiseRequest body,
                 @AuthenticationPrincipal RedressUser user) {
        return promises.make(CaseManagement.idOf(number), body.description(), body.dueAt(), body.ownerId(), user.actor());
    }

    @Schema(name = "KeptPromise", description = "How a promise was kept.")
    record KeepRequest(@Schema(description = "How it was kept, e.g. a refund reference.") @Nullable String note) {}

    @PostMapping("/api/v1/promises/{id}/keep")
    @Operation(summary = "Mark a promise kept", description = "409 when it is already kept or broken.")
    Promise keep(@Parameter(description = "Promise id.") @PathVariable long id,
                 @RequestBody(required = false) @Nullable KeepRequest body, @AuthenticationPrincipal RedressUser user) {
        return promises.keep(id, user.actor(), body == null ? null : body.note());
    }

    @GetMapping("/api/v1/promises")
    @Operation(summary = "List promises", description = "Earliest due first; only on cases you may open.")
    List<Promise> list(@Parameter(description = "Only this owner's.") @RequestParam(required = false) @Nullable Long owner,
                       @Parameter(description = "open, kept or broken.") @RequestParam(required = false) @Nullable String status,
                       @Parameter(description = "At most this many, 1–500.") @RequestParam(defaultValue = "100") int limit,
                       @AuthenticationPrincipal RedressUser user) {
        if (limit < 1 || limit > 500) {
            throw InvalidInput.field("limit", "must be from 1 to 500");
        }
        Promise.Status wanted = null;
        if (status != null) {
            try {
                wanted = Promise.Status.valueOf(status.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw InvalidInput.field("status", "'" + status + "' is not a status; use open, kept or broken");
            }
        }
        return promises.list(owner, wanted, CaseScope.of(user), limit);
    }

    @Schema(name = "PromiseKeepingRate", description = "Promises kept and broken, and the share kept.")
    record RateView(@Schema(description = "User or team id; null for promises without one.") @Nullable Long id,
                    @Schema(description = "User or team name.") String name,
                    @Schema(description = "Promises kept.") long kept,
                    @Schema(description = "Promises broken.") long broken,
                    @Schema(description = "Share kept, 0–1.") double rate) {}

    @GetMapping("/api/v1/promises/keeping-rate")
    @Operation(summary = "Promise-keeping rate", description = "Per owner, or per team with `by=team`; settled promises only.")
    List<RateView> rates(@Parameter(description = "`owner` (default) or `team`.") @RequestParam(defaultValue = "owner") String by) {
        if (!by.equals("owner") && !by.equals("team")) {
            throw InvalidInput.field("by", "use owner or team");
        }
        return promises.keepingRates(by.equals("team")).stream()
            .map(rate -> new RateView(rate.id(), rate.name(), rate.kept(), rate.broken(), rate.rate())).toList();
    }
}
