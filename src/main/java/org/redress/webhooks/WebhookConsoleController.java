package org.redress.webhooks;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.redress.identity.RedressUser;
import org.redress.shared.InvalidInput;
import org.redress.shared.NotFound;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The Webhooks admin page: endpoints, their secrets, and the delivery log with failures to replay. */
@Controller
class WebhookConsoleController {

    private final Endpoints endpoints;
    private final DeliveryLog deliveries;

    WebhookConsoleController(Endpoints endpoints, DeliveryLog deliveries) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
    }

    @GetMapping("/admin/webhooks")
    String page(@RequestParam(required = false) @Nullable String state, @AuthenticationPrincipal RedressUser me, Model model) {
        return page(me, state, model, Map.of());
    }

    @PostMapping("/admin/webhooks")
    String create(@RequestParam Map<String, String> form, @RequestParam(name = "eventTypes", required = false) @Nullable List<String> types,
                  @AuthenticationPrincipal RedressUser me, Model model, RedirectAttributes redirect) {
        try {
            Endpoints.Endpoint added = endpoints.create(me, form.get("url"), types, form.get("description"));
            redirect.addFlashAttribute("done", "Added " + added.url() + ". Give the receiver its signing secret: " + added.secret());
            return "redirect:/admin/webhooks";
        } catch (InvalidInput refused) {
            model.addAttribute("error", "Nothing was saved: " + refused.getMessage());
            return page(me, null, model, form);
        }
    }

    @PostMapping("/admin/webhooks/{id}/{action:stop|resume|rotate-secret}")
    String act(@PathVariable long id, @PathVariable String action, @AuthenticationPrincipal RedressUser me, RedirectAttributes redirect) {
        try {
            Endpoints.Endpoint endpoint = switch (action) {
                case "stop" -> endpoints.setActive(me, id, false);
                case "resume" -> endpoints.setActive(me, id, true);
                default -> endpoints.rotate(me, id);
            };
            redirect.addFlashAttribute("done", switch (action) {
                case "stop" -> "Stopped: its deliveries wait until it is resumed.";
                case "resume" -> "Resumed: what waited is sent in order.";
                default -> "New secret for " + endpoint.url() + ": " + endpoint.secret() + ". The previous one signs too for 24 hours.";
            });
        } catch (NotFound refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/admin/webhooks";
    }

    @PostMapping("/admin/webhooks/deliveries/{id}/replay")
    String replay(@PathVariable long id, @AuthenticationPrincipal RedressUser me, RedirectAttributes redirect) {
        try {
            DeliveryLog.Delivery again = deliveries.replay(me, id);
            redirect.addFlashAttribute("done", "Sent again as delivery " + again.id() + " (" + again.eventType() + ").");
        } catch (NotFound refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/admin/webhooks";
    }

    private String page(RedressUser me, @Nullable String state, Model model, Map<String, String> entered) {
        model.addAttribute("section", "admin");
        model.addAttribute("endpoints", endpoints.list(me));
        model.addAttribute("types", Arrays.asList(EventType.values()));
        try {
            model.addAttribute("deliveries", deliveries.list(me, null, state, null, 100));
        } catch (InvalidInput refused) {
            model.addAttribute("error", refused.getMessage());
            model.addAttribute("deliveries", deliveries.list(me, null, null, null, 100));
        }
        model.addAttribute("state", state);
        model.addAttribute("entered", entered);
        return "webhooks/admin";
    }
}
