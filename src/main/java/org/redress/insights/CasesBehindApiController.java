package org.redress.insights;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.redress.identity.RedressUser;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
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
    CasesBehind.Page list(@ParameterObject CaseDrill drill, @AuthenticationPrincipal RedressUser me) {
        InsightsApiController.requireSupervisor(me);
        return cases.of(drill, today());
    }

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
