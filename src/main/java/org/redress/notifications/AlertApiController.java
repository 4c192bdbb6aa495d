package org.redress.notifications;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.redress.identity.RedressUser;
import org.redress.shared.Paging;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Alerts", description = "Your alerts: targets at risk or missed, follow-ups due, promises broken.")
class AlertApiController {

    private final AlertInbox inbox;

    AlertApiController(AlertInbox inbox) {
        this.inbox = inbox;
    }

    @Schema(name = "AlertList", description = "A page of your alerts, newest first, and how many are unread.")
    record AlertList(@Schema(description = "Unread alerts in all.") long unread,
                     @Schema(description = "The alerts on this page.") List<StaffAlert> items,
                     @Schema(description = Paging.NEXT_CURSOR) @Nullable String nextCursor) {}

    @GetMapping("/api/v1/alerts")
    @Operation(summary = "Your alerts", description = "Newest first; pass `nextCursor` as `cursor` for the next page.")
    AlertList mine(@Parameter(description = "Only the unread ones.") @RequestParam(defaultValue = "false") boolean unread,
                   @Parameter(description = Paging.CURSOR) @RequestParam(required = false) @Nullable String cursor,
                   @Parameter(description = "Page size, 1–200.") @RequestParam(defaultValue = "50") int limit,
                   @AuthenticationPrincipal RedressUser me) {
        Paging.Page<StaffAlert> page = inbox.page(me.id(), unread, cursor, limit);
        return new AlertList(inbox.unread(me.id()), page.items(), page.nextCursor());
    }

    @PostMapping("/api/v1/alerts/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Mark an alert read")
    @ApiResponse(responseCode = "204", description = "Marked read (or it already was).")
    void read(@Parameter(description = "Alert id.") @PathVariable long id, @AuthenticationPrincipal RedressUser me) {
        inbox.markRead(me.id(), id);
    }

    @Schema(name = "AlertsMarked", description = "How many alerts were marked read.")
    record Marked(@Schema(description = "Alerts that were unread.") int marked) {}

    @PostMapping("/api/v1/alerts/read")
    @Operation(summary = "Mark all your alerts read")
    Marked readAll(@AuthenticationPrincipal RedressUser me) {
        return new Marked(inbox.markAllRead(me.id()));
    }
}
