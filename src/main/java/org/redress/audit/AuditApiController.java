package org.redress.audit;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.redress.shared.InvalidInput;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Audit log", description = "Every change, who made it and when (admins only).")
class AuditApiController {

    private final AuditTrail audit;

    AuditApiController(AuditTrail audit) {
        this.audit = audit;
    }

    @GetMapping("/api/v1/audit")
    @Operation(summary = "Read the audit log", description = "Newest first; pass the last id as `before` for the next page. "
        + "Filters combine; a bad one is refused (400) by name.")
    List<AuditTrail.Entry> page(
            @Parameter(description = "Only entries about this subject, e.g. `case:RC-000042` or `user:3`.") @RequestParam(required = false) @Nullable String subject,
            @Parameter(description = "Only changes made by this user (id).") @RequestParam(required = false) @Nullable String actor,
            @Parameter(description = "Only this action, e.g. `case.closed` (see `GET /api/v1/audit/actions`).") @RequestParam(required = false) @Nullable String action,
            @Parameter(description = "Only changes on or after this day (YYYY-MM-DD, business time zone).") @RequestParam(required = false) @Nullable String from,
            @Parameter(description = "Only changes on or before this day (YYYY-MM-DD, business time zone).") @RequestParam(required = false) @Nullable String to,
            @Parameter(description = "Only entries older than this id.") @RequestParam(required = false) @Nullable Long before,
            @Parameter(description = "Page size, 1–500.") @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 500) {
            throw InvalidInput.field("limit", "must be from 1 to 500");
        }
        return audit.page(AuditFilters.parse(subject, actor, action, from, to), before, limit);
    }

    @GetMapping("/api/v1/audit/actions")
    @Operation(summary = "The actions recorded so far", description = "The values the `action` filter can take.")
    List<String> actions() {
        return audit.actions();
    }

    @GetMapping("/api/v1/audit/actors")
    @Operation(summary = "Everyone who made a change", description = "The values the `actor` filter can take.")
    List<AuditTrail.Person> actors() {
        return audit.actors();
    }
}
