package org.redress.sla;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.redress.cases.CaseScope;
import org.redress.cases.CaseSearch;
import org.redress.cases.CaseSummary;
import org.redress.identity.RedressUser;
import org.redress.shared.InvalidInput;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Cases whose targets are at risk or missed, most urgent first: the lead's view. */
class AttentionController {

    static final int LIMIT = 200;
    /** Targets on the page: as many as a queue page holds. */
    static final int ON_PAGE = QueueQuery.PAGE_SIZE;

    @Schema(name = "SlaAttention", description = "A case with a target at risk or missed.")
    record Item(@Schema(description = "The case.") CaseSummary recoveryCase,
                @Schema(description = "The target at risk or missed.") SlaClock clock) {}

    /** Only the cases the reader may open: the clocks are filtered by the same scope as the cases. */
    static List<Item> items(SlaClocks clocks, CaseSearch search, int limit, RedressUser reader) {
        CaseScope scope = CaseScope.of(reader);
        List<SlaClocks.Attention> attention = clocks.needingAttention(limit, scope);
        Map<Long, CaseSummary> cases = search.summaries(attention.stream().map(SlaClocks.Attention::caseId).distinct().toList(),
                scope)
            .stream().collect(Collectors.toMap(CaseSummary::id, Function.identity()));
        return attention.stream().filter(a -> cases.containsKey(a.caseId()))
            .map(a -> new Item(cases.get(a.caseId()), a.clock())).toList();
    }

    @RestController
    @Tag(name = "SLA")
    static class Api {

        private final SlaClocks clocks;
        private final CaseSearch search;

        Api(SlaClocks clocks, CaseSearch search) {
            this.clocks = clocks;
            this.search = search;
        }

        @GetMapping("/api/v1/sla/attention")
        @Operation(summary = "Targets at risk or missed", description = "Running targets past their warning share or due time, "
            + "earliest due first, with their cases; only cases you may open.")
        List<Item> attention(@Parameter(description = "At most this many, 1–200.") @RequestParam(defaultValue = "100") int limit,
                             @AuthenticationPrincipal RedressUser me) {
            if (limit < 1 || limit > LIMIT) {
                throw InvalidInput.field("limit", "must be from 1 to " + LIMIT);
            }
            return items(clocks, search, limit, me);
        }
    }

    @Controller
    static class Page {

        private final SlaClocks clocks;
        private final CaseSearch search;

        Page(SlaClocks clocks, CaseSearch search) {
            this.clocks = clocks;
            this.search = search;
        }

        @GetMapping("/sla/attention")
        String attention(@AuthenticationPrincipal RedressUser me, Model model) {
            model.addAttribute("section", "attention");
            List<Item> items = items(clocks, search, ON_PAGE, me);
            model.addAttribute("items", items);
            // The page is a glance at the most urgent; the queue, filtered, pages through them all.
            model.addAttribute("more", items.size() == ON_PAGE);
            model.addAttribute("allAtRisk", "/cases?queue=open&at-risk=true&missed=true");
            return "sla/attention";
        }
    }
}
