package org.redress.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.redress.shared.InvalidInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The audit log for admins (the security rules keep everyone else out of /admin). The
 * filters are the page's address, so a filtered view can be bookmarked and shared.
 */
@Controller
class AuditConsoleController {

    private static final int PAGE = 100;

    private final AuditTrail audit;

    AuditConsoleController(AuditTrail audit) {
        this.audit = audit;
    }

    @GetMapping("/admin/audit")
    String page(@RequestParam Map<String, String> query, @RequestParam(required = false) @Nullable Long before,
                Model model, HttpServletResponse response) {
        model.addAttribute("section", "admin");
        model.addAttribute("query", query);
        model.addAttribute("actors", audit.actors());
        model.addAttribute("actions", audit.actions());
        try {
            AuditTrail.Filter filter = AuditFilters.parse(query.get("subject"), query.get("actor"), query.get("action"),
                query.get("from"), query.get("to"));
            List<AuditTrail.Entry> entries = audit.page(filter, before, PAGE);
            model.addAttribute("entries", entries);
            // The next page keeps every filter: only "before" changes.
            model.addAttribute("older", entries.size() < PAGE ? null : older(query, entries.get(PAGE - 1).id()));
            model.addAttribute("filtered", !filter.equals(AuditTrail.Filter.none()));
        } catch (InvalidInput refused) {
            Map<String, String> errors = new LinkedHashMap<>();
            refused.errors().forEach(error -> errors.merge(error.field(), error.message(), (a, b) -> a + "; " + b));
            response.setStatus(400);
            model.addAttribute("errors", errors);
            model.addAttribute("entries", List.of());
            model.addAttribute("older", null);
            model.addAttribute("filtered", true);
        }
        return "admin/audit";
    }

    private static String older(Map<String, String> query, long before) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/admin/audit");
        query.forEach((name, value) -> {
            if (!name.equals("before") && !value.isBlank()) {
                link.queryParam(name, value);
            }
        });
        return link.queryParam("before", before).encode().build().toUriString();
    }
}
