package org.redress.sla;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.redress.cases.CaseSummary;
import org.redress.cases.CaseView;
import org.redress.identity.RedressUser;
import org.redress.shared.InvalidInput;
import org.redress.shared.NotFound;
import org.redress.shared.Paging;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The work queue over the API: the same views, filters, order and pages as the console, and "take next". */
@RestController
@Tag(name = "Queue")
class QueueApiController {

    @Schema(name = "QueuePage", description = "A page of the work queue, fifty cases at most.")
    record QueuePage(@Schema(description = "The cases, in the queue's order.") List<CaseSummary> items,
                     @Schema(description = Paging.NEXT_CURSOR) @Nullable String nextCursor,
                     @Schema(description = "Open cases per view, and those at risk and missed, in your scope.") CaseQueue.Counts counts) {}

    private final CaseQueue queue;
    private final TakeNext takeNext;

    QueueApiController(CaseQueue queue, TakeNext takeNext) {
        this.queue = queue;
        this.takeNext = takeNext;
    }

    @GetMapping("/api/v1/queue")
    @Operation(summary = "The work queue", description = "Open cases you may open, soonest due first (missed targets, then the "
        + "least business time left, then cases with no running target), or by severity; filters combine. Each case's "
        + "deadline carries the business minutes left.")
    QueuePage page(@Parameter(description = "mine, team, unassigned, open (default) or closed (recently closed).") @RequestParam(required = false) @Nullable String queue,
                   @Parameter(description = "Team id.") @RequestParam(required = false) @Nullable String team,
                   @Parameter(description = "Assignee's user id.") @RequestParam(required = false) @Nullable String assignee,
                   @Parameter(description = "1 (critical) to 4 (low).") @RequestParam(required = false) @Nullable String severity,
                   @Parameter(description = "Category code.") @RequestParam(required = false) @Nullable String category,
                   @Parameter(description = "Channel code, e.g. email.") @RequestParam(required = false) @Nullable String channel,
                   @Parameter(description = "new, in-progress, resolution-agreed, fulfilled.") @RequestParam(required = false) @Nullable String status,
                   @Parameter(description = "Only cases past the warning share of a running target (with missed: either).") @RequestParam(name = "at-risk", required = false) @Nullable String atRisk,
                   @Parameter(description = "Only cases with a running target past due.") @RequestParam(required = false) @Nullable String missed,
                   @Parameter(description = "time-left (default) or severity.") @RequestParam(required = false) @Nullable String sort,
                   @Parameter(description = Paging.CURSOR) @RequestParam(required = false) @Nullable String cursor,
                   @AuthenticationPrincipal RedressUser me) {
        Map<String, String> params = new java.util.HashMap<>();
        put(params, "queue", queue);
        put(params, "team", team);
        put(params, "assignee", assignee);
        put(params, "severity", severity);
        put(params, "category", category);
        put(params, "channel", channel);
        put(params, "status", status);
        put(params, "at-risk", atRisk);
        put(params, "missed", missed);
        put(params, "sort", sort);
        // The queue's order (time left) is computed, so it pages by position; the cursor carries the page's number.
        Long page = Paging.position(cursor);
        if (page != null && page > QueueQuery.MAX_PAGE) {
            throw InvalidInput.field("cursor", "is not a cursor returned by this API: pass the previous page's nextCursor");
        }
        put(params, "page", page == null ? null : String.valueOf(page));
        QueueQuery query = QueueQuery.from(params, QueueQuery.View.OPEN);
        CaseQueue.Page found = this.queue.page(query, me);
        boolean more = found.next() && query.page() < QueueQuery.MAX_PAGE;
        return new QueuePage(found.cases(), more ? String.valueOf(query.page() + 1) : null, this.queue.counts(me));
    }

    @PostMapping("/api/v1/queue/take-next")
    @Operation(summary = "Take the next case", description = "Assigns you the most urgent open case nobody holds (soonest due) of "
        + "your team, or of the shared inbox when your team has none waiting; the same rules as taking a case by hand. "
        + "404 when nothing is waiting.")
    CaseView takeNext(@AuthenticationPrincipal RedressUser me) {
        return takeNext.take(me).orElseThrow(() ->
            new NotFound("No open case is waiting without an owner in your team's queue or the shared inbox."));
    }

    private static void put(Map<String, String> params, String name, @Nullable String value) {
        if (value != null) {
            params.put(name, value);
        }
    }
}
