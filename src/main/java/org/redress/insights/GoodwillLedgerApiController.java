package org.redress.insights;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.redress.identity.RedressUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Insights")
class GoodwillLedgerApiController {

    private final GoodwillLedger ledger;

    GoodwillLedgerApiController(GoodwillLedger ledger) {
        this.ledger = ledger;
    }

    @GetMapping("/api/v1/insights/ledger")
    @Operation(summary = "The goodwill ledger", description = "Granted and fulfilled remedies, all time, totalled by person, "
        + "team, category or month. By person, a remedy counts for the one who asked for it (by team, for their team); whoever "
        + "approved it beyond the asker's authority is credited separately (`approved`, `approvedAmount`). For leads, "
        + "managers and admins. (Formerly `GET /api/v1/remedies/ledger`.)")
    List<GoodwillLedger.Line> ledger(@Parameter(description = "agent (default: by person), team, category or month.")
                                     @RequestParam(required = false) @Nullable String by, @AuthenticationPrincipal RedressUser me) {
        InsightsApiController.requireSupervisor(me);
        return ledger.by(by);
    }
}
