package org.redress.incidents;

import org.jspecify.annotations.Nullable;
import org.redress.platform.BadLinkThrottle;
import org.redress.shared.Conflict;
import org.redress.shared.InvalidInput;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The affected customer's page, opened from the link in their notice without an account:
 * what happened, what we are doing and by when, and a way to tell us it affected them. Its
 * forms carry no CSRF token: the unguessable path is itself the secret a forged request
 * would need. An unknown link gets the same short page as any other bad customer link, and counts
 * towards the same throttle.
 */
@Controller
class IncidentPageController {

    private final CustomerSide customers;
    private final BadLinkThrottle throttle;

    IncidentPageController(CustomerSide customers, BadLinkThrottle throttle) {
        this.customers = customers;
        this.throttle = throttle;
    }

    @GetMapping("/i/{token}")
    String page(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        return customers.open(token).map(page -> {
            model.addAttribute("token", token);
            model.addAttribute("p", page);
            return "incidents/customer";
        }).orElseGet(() -> invalid(request, response, model));
    }

    @PostMapping("/i/{token}/affected")
    String affected(@PathVariable String token, @RequestParam(required = false) @Nullable String message,
                    HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        try {
            if (customers.reply(token, message).isEmpty()) {
                return invalid(request, response, model);
            }
            redirect.addFlashAttribute("done", "Thank you for telling us. Someone from our team will look at it personally and be in touch.");
        } catch (InvalidInput | Conflict refused) {
            redirect.addFlashAttribute("error", refused instanceof InvalidInput
                ? "Please tell us in a few words how it affected you." : refused.getMessage());
        }
        return "redirect:/i/" + token;
    }

    private String invalid(HttpServletRequest request, HttpServletResponse response, Model model) {
        model.addAttribute("tooMany", throttle.refuse(request, response) == HttpStatus.TOO_MANY_REQUESTS);
        return "customer/invalid";
    }
}
