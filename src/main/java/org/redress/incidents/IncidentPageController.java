package org.redress.incidents;

import org.jspecify.annotations.Nullable;
import org.redress.links.BadLink;
import org.redress.shared.Conflict;
import org.redress.shared.InvalidInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The affected customer's page, opened from the link in their notice without an account:
 * what happened, what we are doing and by when, and a way to tell us it affected them. Its
 * forms carry no CSRF token: the unguessable path is itself the secret a forged request
 * would need. An unknown link is a {@link BadLink}, answered by the links module like every
 * bad customer link.
 */
@Controller
class IncidentPageController {

    private final CustomerSide customers;

    IncidentPageController(CustomerSide customers) {
        this.customers = customers;
    }

    @GetMapping("/i/{token}")
    String page(@PathVariable String token, Model model) {
        CustomerSide.Page page = customers.open(token).orElseThrow(BadLink::unknown);
        model.addAttribute("token", token);
        model.addAttribute("p", page);
        return "incidents/customer";
    }

    @PostMapping("/i/{token}/affected")
    String affected(@PathVariable String token, @RequestParam(required = false) @Nullable String message,
                    RedirectAttributes redirect) {
        try {
            if (customers.reply(token, message).isEmpty()) {
                throw BadLink.unknown();
            }
            redirect.addFlashAttribute("done", "Thank you for telling us. Someone from our team will look at it personally and be in touch.");
        } catch (InvalidInput | Conflict refused) {
            redirect.addFlashAttribute("error", refused instanceof InvalidInput
                ? "Please tell us in a few words how it affected you." : refused.getMessage());
        }
        return "redirect:/i/" + token;
    }
}
