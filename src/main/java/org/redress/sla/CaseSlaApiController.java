package org.redress.sla;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.redress.cases.CaseManagement;
import org.redress.identity.RedressUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "SLA")
class CaseSlaApiController {

    private static final String CASE = "Case number (`RC-000123`) or id.";

    private final SlaClocks clocks;
    private final CaseManagement cases;

    CaseSlaApiController(SlaClocks clocks, CaseManagement cases) {
        this.clocks = clocks;
        this.cases = cases;
    }

    @GetMapping("/api/v1/cases/{case}/sla")
    @Operation(summary = "Time targets of a case", description = "Each target with its due time, state and business time left.")
    List<SlaClock> clocks(@Parameter(description = CASE) @PathVariable("case") String number) {
        long id = CaseManagement.idOf(number);
        cases.requireExists(id);
        return clocks.of(id);
    }

    @Schema(name = "SlaPause", description = "Why the clocks stop.")
    record PauseRequest(@Schema(description = "What we are waiting for from the customer.",
        requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String reason) {}

    @PostMapping("/api/v1/cases/{case}/sla/pause")
    @Operation(summary = "Pause the clocks while waiting on the customer", description = "The running targets stop counting "
        + "until resumed; the timeline says why. 409 when nothing is running.")
    List<SlaClock> pause(@Parameter(description = CASE) @PathVariable("case") String number, @RequestBody PauseRequest body,
                         @AuthenticationPrincipal RedressUser me) {
        long id = CaseManagement.idOf(number);
        cases.requireExists(id);
        return clocks.pauseCase(id, me.actor(), body.reason());
    }

    @PostMapping("/api/v1/cases/{case}/sla/resume")
    @Operation(summary = "Resume the clocks", description = "Each paused target gets the business time it had left, counted "
        + "from now, so its due time moves by the paused time. 409 when nothing is paused.")
    List<SlaClock> resume(@Parameter(description = CASE) @PathVariable("case") String number,
                          @AuthenticationPrincipal RedressUser me) {
        long id = CaseManagement.idOf(number);
        cases.requireExists(id);
        return clocks.resumeCase(id, me.actor());
    }
}
