package org.redress.audit;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.redress.shared.Paging;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Audit log", description = "Every change, who made it and when (admins only).")
class AuditApiController {

    private final AuditTrail audit;

    AuditApiController(AuditTrail audit) {
        this.audit = audit;
    }

    @Schema(name = "AuditPage", description = "A page of the audit log, newest first.")
    record Page(@Schema(description = "The entries on this page.") List<AuditTrail.Entry> items,
                @Schema(description = Paging.NEXT_CURSOR) @Nullable String nextCursor) {}

    @GetMapping("/api/v1/audit")
    @Operation(summary = "Read the audit log", description = "Newest first; pass `nextCursor` as `cursor` for the next page. "
        + "Filters combine; a bad one is refused (400) by name.")
    Page page(
            @Parameter(description = "Only entries about this subject, e.g. `case:RC-000042` or `user:3`.") @RequestParam(required = false) @Nullable String subject,
            @Parameter(description = "Only changes made by this user (id).") @RequestParam(required = false) @Nullable String actor,
            @Parameter(description = "Only this action, e.g. `case.closed` (see `GET /api/v1/audit/actions`).") @RequestParam(required = false) @Nullable String action,
            @Parameter(description = "Only changes on or after this day (YYYY-MM-DD, business time zone).") @RequestParam(required = false) @Nullable String from,
            @Parameter(description = "Only changes on or before this day (YYYY-MM-DD, business time zone).") @RequestParam(required = false) @Nullable String to,
            @Parameter(description = Paging.CURSOR) @RequestParam(required = false) @Nullable String cursor,
            @Parameter(description = "Page size, 1–500.") @RequestParam(defaultValue = "100") int limit) {
        Paging.limit(limit, 500);
        AuditTrail.Filter filter = AuditFilters.parse(subject, actor, action, from, to);
        Paging.Page<AuditTrail.Entry> page = Paging.of(audit.page(filter, Paging.position(cursor), limit + 1), limit,
            AuditTrail.Entry::id);
        return new Page(page.items(), page.nextCursor());
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
