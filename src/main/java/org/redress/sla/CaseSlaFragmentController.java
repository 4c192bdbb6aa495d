package org.redress.sla;

import org.redress.cases.CaseManagement;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The case page loads this fragment with htmx, so it shows SLA state without the cases module depending on this one. */
@Controller
class CaseSlaFragmentController {

    private final SlaClocks clocks;

    CaseSlaFragmentController(SlaClocks clocks) {
        this.clocks = clocks;
    }

    @GetMapping("/cases/{case}/sla")
    String clocks(@PathVariable("case") String number, Model model) {
        model.addAttribute("clocks", clocks.of(CaseManagement.idOf(number)));
        return "sla/clocks :: clocks";
    }
}
