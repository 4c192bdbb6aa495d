package org.redress.insights;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;
import org.redress.identity.RedressUser;
import org.redress.shared.Forbidden;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Insights", description = "Whether recoveries work: for leads, managers and admins.")
class InsightsApiController {

    private final RecoverySummary summary;
    private final ZoneId zone;
    private final Clock clock;

    InsightsApiController(RecoverySummary summary, ZoneId businessZone, Clock clock) {
        this.summary = summary;
        this.zone = businessZone;
        this.clock = clock;
    }

    @GetMapping("/api/v1/insights/summary")
    @Operation(summary = "Speed and outcome of recoveries", description = "For the days from `from` to `to` (default: the "
        + "last 30 days) and the period just before: cases opened, time to acknowledge, to agree and to fulfil (median and "
        + "90th percentile, of the cases opened in the period), cases closed and the recovery rate (of the cases closed in "
        + "the period), the open backlog now, and all of it per team. As fresh as `asOf` (refreshed every 30 s).")
    RecoverySummary.Summary summary(@Parameter(description = "First day, e.g. 2026-11-01.") @RequestParam(required = false) @Nullable String from,
                                    @Parameter(description = "Last day, included.") @RequestParam(required = false) @Nullable String to,
                                    @Parameter(description = "Only this team.") @RequestParam(required = false) @Nullable Long team,
                                    @AuthenticationPrincipal RedressUser me) {
        requireSupervisor(me);
        return summary.of(Period.parse(from, to, LocalDate.now(clock.withZone(zone))), team);
    }

    static void requireSupervisor(RedressUser me) {
        if (!me.supervises()) {
            throw new Forbidden("Insights are for leads, managers and admins.");
        }
    }
}
