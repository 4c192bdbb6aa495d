package org.redress.insights;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.redress.identity.RedressUser;
import org.redress.shared.InvalidInput;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import jakarta.servlet.http.HttpServletResponse;

/** The console's drill-down: every figure of the Insights page opens the cases it counted, and they download as CSV. */
@Controller
class CasesBehindController {

    private final CasesBehind cases;
    private final CaseExport export;
    private final ZoneId zone;
    private final Clock clock;

    CasesBehindController(CasesBehind cases, CaseExport export, ZoneId businessZone, Clock clock) {
        this.cases = cases;
        this.export = export;
        this.zone = businessZone;
        this.clock = clock;
    }

    @GetMapping("/insights/cases")
    String page(CaseDrill drill, @AuthenticationPrincipal RedressUser me, Model model) {
        InsightsApiController.requireSupervisor(me);
        model.addAttribute("section", "insights");
        model.addAttribute("drill", drill.parameters());
        model.addAttribute("closedCounted", "closed".equals(drill.parameters().get("counted")));
        // A hand-edited URL with a bad filter is said above an empty list, with the way back.
        model.addAttribute("csv", "/insights/cases.csv" + drill.query(1));
        try {
            CasesBehind.Page page = cases.of(drill, today());
            model.addAttribute("cases", page);
            model.addAttribute("newer", page.page() > 1 ? "/insights/cases" + drill.query(page.page() - 1) : null);
            model.addAttribute("older", page.page() < page.pages() ? "/insights/cases" + drill.query(page.page() + 1) : null);
        } catch (InvalidInput refused) {
            model.addAttribute("error", refused.getMessage());
        }
        return "insights/cases";
    }

    /** The cases of the page's period, or behind one figure, as CSV; a bad filter is refused as on the API. */
    @GetMapping("/insights/cases.csv")
    void csv(CaseDrill drill, @AuthenticationPrincipal RedressUser me, HttpServletResponse response) throws IOException {
        InsightsApiController.requireSupervisor(me);
        export.download(drill.condition(today(), zone), drill.report().teamId(), response);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}
