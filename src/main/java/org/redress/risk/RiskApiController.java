package org.redress.risk;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.redress.shared.InvalidInput;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Risk", description = "Silent-customer detection: risk scores from negative signals, and the iceberg.")
class RiskApiController {

    private final RiskViews views;

    RiskApiController(RiskViews views) {
        this.views = views;
    }

    @GetMapping("/api/v1/risk/customers")
    @Operation(summary = "Customers at risk", description = "Highest score first, each with the signals behind it.")
    List<RiskViews.CustomerRisk> atRisk(
            @Parameter(description = "Lowest score listed; default half the outreach threshold.") @RequestParam(required = false) @Nullable Double minScore,
            @Parameter(description = "At most this many, 1–200.") @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 200) {
            throw InvalidInput.field("limit", "must be from 1 to 200");
        }
        if (minScore != null && (minScore < 0 || minScore.isNaN())) {
            throw InvalidInput.field("minScore", "must be 0 or more");
        }
        return views.atRisk(minScore == null ? views.threshold() / 2 : minScore, limit);
    }

    @GetMapping("/api/v1/risk/customers/{id}")
    @Operation(summary = "One customer's risk", description = "Score now and the signals behind it (404 for an unknown customer).")
    RiskViews.CustomerRisk customer(@Parameter(description = "Customer id.") @PathVariable long id) {
        return views.of(id);
    }

    @GetMapping("/api/v1/risk/iceberg")
    @Operation(summary = "The iceberg", description = "Customers who complained against those who showed negative signals and said nothing.")
    RiskViews.Iceberg iceberg(@Parameter(description = "Window in days, 1–730; default 90.") @RequestParam(required = false) @Nullable Integer days) {
        int window = days == null ? views.icebergDays() : days;
        if (window < 1 || window > 730) {
            throw InvalidInput.field("days", "must be from 1 to 730");
        }
        return views.iceberg(window);
    }
}
