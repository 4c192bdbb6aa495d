package org.redress.promises;

import org.jspecify.annotations.Nullable;
import org.redress.cases.CaseManagement;
import org.redress.identity.RedressUser;
import org.redress.shared.Conflict;
import org.redress.shared.Forbidden;
import org.redress.shared.NotFound;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The case page loads the promises card with htmx; the cases module does not depend on this one. */
@Controller
class CasePromisesFragmentController {

    private final PromiseKeeping promises;

    CasePromisesFragmentController(PromiseKeeping promises) {
        this.promises = promises;
    }

    @GetMapping("/cases/{case}/promises")
    String promises(@PathVariable("case") String number, Model model) {
        return fragment(number, null, model);
    }

    @PostMapping("/cases/{case}/promises/{id}/keep")
    String keep(@PathVariable("case") String number, @PathVariable long id, @AuthenticationPrincipal RedressUser me, Model model) {
        try {
            promises.keep(id, me.actor(), null);
            return fragment(number, null, model);
        } catch (Conflict | NotFound | Forbidden refused) {
            return fragment(number, refused.getMessage(), model);
        }
    }

    private String fragment(String number, @Nullable String error, Model model) {
        model.addAttribute("promises", promises.ofCase(CaseManagement.idOf(number)));
        model.addAttribute("number", number);
        model.addAttribute("error", error);
        return "promises/card :: promises";
    }
}
