package org.redress.audit;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log for admins (the security rules keep everyone else out of /admin). */
@Controller
class AuditConsoleController {

    private static final int PAGE = 100;

    private final AuditTrail audit;

    AuditConsoleController(AuditTrail audit) {
        this.audit = audit;
    }

    @GetMapping("/admin/audit")
    String page(@RequestParam(required = false) @Nullable String subject, @RequestParam(required = false) @Nullable Long before,
                Model model) {
        String filter = subject == null || subject.isBlank() ? null : subject.trim();
        List<AuditTrail.Entry> entries = audit.page(filter, before, PAGE);
        model.addAttribute("section", "admin");
        model.addAttribute("subject", filter);
        model.addAttribute("entries", entries);
        model.addAttribute("older", entries.size() == PAGE ? entries.get(PAGE - 1).id() : null);
        return "admin/audit";
    }
}
