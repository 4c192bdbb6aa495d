package org.redress.cases;

import java.util.HashMap;
import java.util.Map;

import org.redress.customers.CustomerDetails;
import org.redress.identity.RedressUser;
import org.redress.shared.Conflict;
import org.redress.shared.InvalidInput;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Logging a complaint by hand: phone calls, visits, anything that does not arrive by itself. */
@Controller
class ComplaintConsoleController {

    private final Intake intake;
    private final Taxonomy taxonomy;

    ComplaintConsoleController(Intake intake, Taxonomy taxonomy) {
        this.intake = intake;
        this.taxonomy = taxonomy;
    }

    @GetMapping("/cases/new")
    String form(Model model) {
        Map<String, String> blank = new HashMap<>();
        blank.put("channel", Channel.PHONE.code());
        return page(model, blank, null);
    }

    @PostMapping("/cases/new")
    String open(@RequestParam Map<String, String> form, @AuthenticationPrincipal RedressUser me, Model model) {
        try {
            Intake.Received received = intake.receive(new Intake.Complaint(
                CustomerDetails.of(form.get("externalRef"), form.get("name"), form.get("email"), form.get("phone")),
                form.get("channel"), form.get("category"), severity(form.get("severity")), form.get("subject"),
                form.get("message")), null, me.actor());
            return "redirect:/cases/" + received.recoveryCase().number();
        } catch (InvalidInput | Conflict refused) {
            return page(model, form, refused.getMessage());
        }
    }

    private String page(Model model, Map<String, String> form, String error) {
        model.addAttribute("section", "new");
        model.addAttribute("form", form);
        model.addAttribute("error", error);
        model.addAttribute("channels", Channel.values());
        model.addAttribute("categories", taxonomy.entries(Taxonomy.CATEGORY, true));
        return "cases/new";
    }

    private static Integer severity(String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw InvalidInput.field("severity", "must be a number from 1 to 4");
        }
    }
}
