package org.redress.insights;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.redress.identity.RedressUser;
import org.redress.shared.InvalidInput;
import org.redress.shared.Paging;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

/** The cases behind any figure of the insights, as a page of JSON or all of them as CSV. */
@RestController
@Tag(name = "Insights")
class CasesBehindApiController {

    private final CasesBehind cases;
    private final CaseExport export;
    private final ZoneId zone;
    private final Clock clock;

    CasesBehindApiController(CasesBehind cases, CaseExport export, ZoneId businessZone, Clock clock) {
        this.cases = cases;
        this.export = export;
        this.zone = businessZone;
        this.clock = clock;
    }

    @GetMapping("/api/v1/insights/cases")
    @Operation(summary = "The cases behind a figure", description = "The cases a figure counted, 50 a page, newest first: opened "
        + "(or, with `counted=closed`, closed) in the period, of the team, and narrowed by any of outcome, cause, category, "
        + "channel, severity, assignee, a target missed (`late`), and the first answer × apology × remedy cell of what recovers. "
        + "From the same facts as the figures, so the count is the figure's.")
    CasePage list(@ParameterObject CaseDrill drill,
                  @Parameter(description = Paging.CURSOR) @RequestParam(required = false) @Nullable String cursor,
                  @AuthenticationPrincipal RedressUser me) {
        InsightsApiController.requireSupervisor(me);
        // Ordered by time, not by a key of the facts: the cursor carries the next page's number.
        Long page = Paging.position(cursor);
        if (page != null && page > CaseDrill.MAX_PAGE) {
            throw InvalidInput.field("cursor", "is not a cursor returned by this API: pass the previous page's nextCursor");
        }
        CasesBehind.Page found = cases.of(page == null ? drill.onPage(1) : drill.onPage(page), today());
        boolean more = found.page() < found.pages();
        return new CasePage(found.period(), found.total(), found.rows(), more ? String.valueOf(found.page() + 1) : null,
            found.asOf());
    }

    @Schema(name = "CasesBehindAFigure", description = "A page of the cases a figure counted, fifty at most, newest first.")
    record CasePage(@Schema(description = "The period.") Period period,
                    @Schema(description = "How many cases the figure counted.") long total,
                    @Schema(description = "The cases on this page, newest first.") List<CasesBehind.Row> items,
                    @Schema(description = Paging.NEXT_CURSOR) @Nullable String nextCursor,
                    @Schema(description = "When the facts were last refreshed.") @Nullable Instant asOf) {}

    // Any Accept header: the answer is CSV (its type set by the export), and a refusal still a problem document.
    @GetMapping("/api/v1/insights/cases.csv")
    @ApiResponse(responseCode = "200", description = "The cases, as CSV.", content = @Content(mediaType = "text/csv",
        schema = @Schema(type = "string")))
    @Operation(summary = "The cases of a period (or behind a figure) with their facts, as CSV", description = "One line per "
        + "case opened from `from` to `to` (default: the last 30 days), oldest first, after a header line; the same filters as "
        + "`GET /api/v1/insights/cases` narrow it to the cases behind one figure. Columns: number, opening, team, holder, "
        + "category, channel, severity, when it was acknowledged, agreed, fulfilled and closed, outcome and close reason, "
        + "minutes to each milestone, how each time target ended (ON_TIME, LATE or empty), promises kept on time, late and "
        + "broken, and when the customer was next active after the close. Instants in ISO 8601 (UTC). Streamed as read, so a "
        + "large period downloads in flat memory; as fresh as the facts (see the summary's `asOf`).")
    void csv(@ParameterObject CaseDrill drill, @AuthenticationPrincipal RedressUser me, HttpServletResponse response)
            throws IOException {
        InsightsApiController.requireSupervisor(me);
        export.download(drill.condition(today(), zone), drill.report().teamId(), response);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}
