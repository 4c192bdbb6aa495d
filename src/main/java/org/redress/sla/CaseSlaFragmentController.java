package org.redress.sla;

import org.jspecify.annotations.Nullable;
import org.redress.cases.CaseManagement;
import org.redress.identity.RedressUser;
import org.redress.shared.Conflict;
import org.redress.shared.Forbidden;
import org.redress.shared.InvalidInput;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The case page loads this fragment with htmx, so it shows SLA state without the cases module depending on this one. */
@Controller
class CaseSlaFragmentController {

    private final SlaClocks clocks;

    CaseSlaFragmentController(SlaClocks clocks) {
        this.clocks = clocks;
    }

    @GetMapping("/cases/{case}/sla")
    String clocks(@PathVariable("case") String number, Model model) {
        return fragment(number, null, model);
    }

    @PostMapping("/cases/{case}/sla/pause")
    String pause(@PathVariable("case") String number, @RequestParam(required = false) @Nullable String reason,
                 @AuthenticationPrincipal RedressUser me, Model model) {
        try {
            clocks.pauseCase(CaseManagement.idOf(number), me.actor(), reason);
            return fragment(number, null, model);
        } catch (InvalidInput | Conflict | Forbidden refused) {
            return fragment(number, refused.getMessage(), model);
        }
    }

    @PostMapping("/cases/{case}/sla/resume")
    String resume(@PathVariable("case") String number, @AuthenticationPrincipal RedressUser me, Model model) {
        try {
            clocks.resumeCase(CaseManagement.idOf(number), me.actor());
            return fragment(number, null, model);
        } catch (Conflict | Forbidden refused) {
            return fragment(number, refused.getMessage(), model);
        }
    }

    private String fragment(String number, @Nullable String error, Model model) {
        model.addAttribute("clocks", clocks.of(CaseManagement.idOf(number)));
        model.addAttribute("number", number);
        model.addAttribute("error", error);
        return "sla/clocks :: clocks";
    }
}
