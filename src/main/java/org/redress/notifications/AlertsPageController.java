package org.redress.notifications;

import org.jspecify.annotations.Nullable;
import org.redress.identity.ConsoleModel;
import org.redress.identity.RedressUser;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

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

    /**
     * Every console page shows how many alerts wait, next to the user's name: added once a
     * handler has chosen a full page to render (htmx fragments, data and redirects skip the query).
     */
    @Configuration(proxyBeanMethods = false)
    static class UnreadCount implements WebMvcConfigurer, HandlerInterceptor {

        private final AlertInbox inbox;

        UnreadCount(AlertInbox inbox) {
            this.inbox = inbox;
        }

        @Override
        public void addInterceptors(InterceptorRegistry registry) {
            registry.addInterceptor(this);
        }

        @Override
        public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                               @Nullable ModelAndView page) {
            if (!ConsoleModel.rendersPage(page)) {
                return;
            }
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            boolean fullPage = request.getHeader("HX-Request") == null;
            page.getModelMap().putIfAbsent("unreadAlerts", fullPage && authentication != null
                && authentication.getPrincipal() instanceof RedressUser user ? inbox.unread(user.id()) : 0L);
        }
    }
}
