package org.redress.notifications;

import org.jspecify.annotations.Nullable;
import org.redress.identity.RedressUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The signed-in user's alerts; opening one marks it read and goes to its case. */
@Controller
class AlertsPageController {

    private final AlertInbox inbox;

    AlertsPageController(AlertInbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/alerts")
    String page(@RequestParam(defaultValue = "unread") String show, @AuthenticationPrincipal RedressUser me, Model model) {
        boolean unreadOnly = !show.equals("all");
        model.addAttribute("section", "alerts");
        model.addAttribute("show", unreadOnly ? "unread" : "all");
        model.addAttribute("alerts", inbox.of(me.id(), unreadOnly, AlertInbox.MAX_LIMIT));
        return "notifications/alerts";
    }

    @PostMapping("/alerts/{id}/open")
    String open(@PathVariable long id, @AuthenticationPrincipal RedressUser me) {
        StaffAlert alert = inbox.markRead(me.id(), id);
        return alert.caseNumber() == null ? "redirect:/alerts" : "redirect:/cases/" + alert.caseNumber();
    }

    @PostMapping("/alerts/read")
    String readAll(@AuthenticationPrincipal RedressUser me) {
        inbox.markAllRead(me.id());
        return "redirect:/alerts";
    }

    /** Every console page shows how many alerts wait, next to the user's name. */
    @ControllerAdvice(annotations = Controller.class)
    static class UnreadCount {

        private final AlertInbox inbox;

        UnreadCount(AlertInbox inbox) {
            this.inbox = inbox;
        }

        // Only full pages show it: API calls and htmx fragments skip the query.
        @ModelAttribute("unreadAlerts")
        long unread(@AuthenticationPrincipal @Nullable RedressUser user, jakarta.servlet.http.HttpServletRequest request) {
            boolean page = !request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                && request.getHeader("HX-Request") == null;
            return user == null || !page ? 0 : inbox.unread(user.id());
        }
    }
}
