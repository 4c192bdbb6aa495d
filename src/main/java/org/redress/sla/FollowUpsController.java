package org.redress.sla;

import java.util.Comparator;
import java.util.List;

import org.redress.cases.CaseScope;
import org.redress.cases.CaseSearch;
import org.redress.cases.CaseSummary;
import org.redress.identity.RedressUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Follow-ups that have fallen due: check back with the customer. Mine first, or everyone's. */
@Controller
class FollowUpsController {

    private final SlaClocks clocks;
    private final CaseSearch search;

    FollowUpsController(SlaClocks clocks, CaseSearch search) {
        this.clocks = clocks;
        this.search = search;
    }

    @GetMapping("/follow-ups")
    String page(@RequestParam(defaultValue = "mine") String show, @AuthenticationPrincipal RedressUser me, Model model) {
        CaseScope scope = CaseScope.of(me);
        List<CaseSummary> due = search.summaries(clocks.followUpsDue(500, scope), scope).stream()
            .filter(c -> !show.equals("mine") || (c.assigneeId() != null && c.assigneeId() == me.id()))
            .sorted(Comparator.comparing(CaseSummary::updatedAt))
            .toList();
        model.addAttribute("section", "follow-ups");
        model.addAttribute("show", show.equals("all") ? "all" : "mine");
        model.addAttribute("cases", due);
        return "sla/follow-ups";
    }
}
