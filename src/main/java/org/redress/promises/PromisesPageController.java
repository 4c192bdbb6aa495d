package org.redress.promises;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.redress.cases.CaseScope;
import org.redress.cases.CaseSearch;
import org.redress.cases.CaseSummary;
import org.redress.identity.RedressUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The promises list: mine still open, everyone's open, and the broken ones. */
@Controller
class PromisesPageController {

    record Row(Promise promise, @Nullable CaseSummary recoveryCase) {}

    private final PromiseKeeping promises;
    private final CaseSearch search;

    PromisesPageController(PromiseKeeping promises, CaseSearch search) {
        this.promises = promises;
        this.search = search;
    }

    @GetMapping("/promises")
    String page(@RequestParam(defaultValue = "mine") String show, @AuthenticationPrincipal RedressUser me, Model model) {
        CaseScope scope = CaseScope.of(me);
        List<Promise> list = switch (show) {
            case "open" -> promises.list(null, Promise.Status.OPEN, scope, 200);
            case "broken" -> promises.list(null, Promise.Status.BROKEN, scope, 200);
            default -> promises.list(me.id(), Promise.Status.OPEN, scope, 200);
        };
        Map<Long, CaseSummary> cases = search.summaries(list.stream().map(Promise::caseId).distinct().toList(), scope).stream()
            .collect(Collectors.toMap(CaseSummary::id, Function.identity()));
        model.addAttribute("section", "promises");
        model.addAttribute("show", show.equals("open") || show.equals("broken") ? show : "mine");
        model.addAttribute("rows", list.stream().map(p -> new Row(p, cases.get(p.caseId()))).toList());
        return "promises/list";
    }
}
