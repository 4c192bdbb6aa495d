package org.redress.sla;

import java.util.List;

import org.redress.cases.CaseManagement;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "SLA")
class CaseSlaApiController {

    private final SlaClocks clocks;
    private final CaseManagement cases;

    CaseSlaApiController(SlaClocks clocks, CaseManagement cases) {
        this.clocks = clocks;
        this.cases = cases;
    }

    @GetMapping("/api/v1/cases/{case}/sla")
    @Operation(summary = "Time targets of a case", description = "Each target with its due time, state and business time left. "
        + "Targets are set just after a case opens, so a brand-new case may briefly have none.")
    List<SlaClock> clocks(@Parameter(description = "Case number (`RC-000123`) or id.") @PathVariable("case") String number) {
        long id = CaseManagement.idOf(number);
        cases.view(id);
        return clocks.of(id);
    }
}
