package org.redress.cases;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.redress.customers.CustomerManagement;
import org.redress.customers.CustomerView;
import org.redress.identity.RedressUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Customer pages live here because they show the customer's case history. */
@Controller
class CustomerConsoleController {

    static final int PAGE = 50;

    private final CustomerManagement customers;
    private final CaseSearch search;

    CustomerConsoleController(CustomerManagement customers, CaseSearch search) {
        this.customers = customers;
        this.search = search;
    }

    /** Customers, newest first, fifty a page; older ones follow {@code before} (the last id shown). */
    @GetMapping("/customers")
    String list(@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable Long before,
                Model model) {
        List<CustomerView> found = customers.search(q, before, PAGE + 1);
        model.addAttribute("section", "customers");
        model.addAttribute("q", q);
        model.addAttribute("customers", found.subList(0, Math.min(PAGE, found.size())));
        model.addAttribute("older", found.size() > PAGE ? found.get(PAGE - 1).id() : null);
        model.addAttribute("paged", before != null);
        return "customers/list";
    }

    /** The top bar's search: a case number opens the case; anything else searches customers. */
    @GetMapping("/find")
    String find(@RequestParam(required = false) @Nullable String q) {
        if (q == null || q.isBlank()) {
            return "redirect:/cases";
        }
        String text = q.trim();
        if (text.regionMatches(true, 0, "RC-", 0, 3) && CaseNumber.parse(text).isPresent()) {
            return "redirect:/cases/" + CaseNumber.format(CaseNumber.parse(text).get());
        }
        return "redirect:/customers?q=" + java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    @GetMapping("/customers/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal RedressUser me, Model model) {
        model.addAttribute("section", "customers");
        model.addAttribute("customer", customers.get(id));
        model.addAttribute("erasedAt", customers.erasedAt(id).orElse(null));
        model.addAttribute("cases", search.page(new CaseSearch.Filter(null, null, false, id, null, null), CaseScope.of(me),
            null, CaseSearch.MAX_LIMIT).items());
        return "customers/detail";
    }
}
