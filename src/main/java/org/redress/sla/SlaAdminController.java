package org.redress.sla;

import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.redress.identity.RedressUser;
import org.redress.shared.Conflict;
import org.redress.shared.InvalidInput;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins keep SLA policies and business-hours calendars (the security rules guard /admin). */
@Controller
class SlaAdminController {

    private final SlaManagement sla;

    SlaAdminController(SlaManagement sla) {
        this.sla = sla;
    }

    @GetMapping("/admin/sla")
    String page(Model model) {
        model.addAttribute("section", "admin");
        model.addAttribute("policies", sla.policies());
        model.addAttribute("calendars", sla.calendars().stream().map(SlaApiController.CalendarView::of).toList());
        model.addAttribute("days", DayOfWeek.values());
        return "sla/admin";
    }

    @PostMapping("/admin/sla/policies")
    String createPolicy(@RequestParam Map<String, String> form, @AuthenticationPrincipal RedressUser admin,
                        RedirectAttributes redirect) {
        try {
            SlaPolicy saved = sla.createPolicy(admin, new SlaManagement.PolicyDefinition(form.get("name"),
                number("severity", form.get("severity")), blankToNull(form.get("channel")), blankToNull(form.get("tier")),
                number("acknowledgeMinutes", form.get("acknowledgeMinutes")), number("resolveMinutes", form.get("resolveMinutes")),
                number("fulfilMinutes", form.get("fulfilMinutes")), number("followUpMinutes", form.get("followUpMinutes")),
                number("warnAtPercent", form.get("warnAtPercent")),
                number("calendarId", form.get("calendarId")) == null ? null : Long.valueOf(form.get("calendarId")),
                null));
            redirect.addFlashAttribute("done", "Added the policy " + saved.name() + ".");
        } catch (InvalidInput | Conflict refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/admin/sla";
    }

    @PostMapping("/admin/sla/calendars")
    String createCalendar(@RequestParam Map<String, String> form, @AuthenticationPrincipal RedressUser admin,
                          RedirectAttributes redirect) {
        try {
            Map<String, List<String>> hours = new LinkedHashMap<>();
            for (DayOfWeek day : DayOfWeek.values()) {
                String text = form.getOrDefault(day.name(), "");
                if (!text.isBlank()) {
                    hours.put(day.name(), Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
                }
            }
            List<String> holidays = Arrays.stream(form.getOrDefault("holidays", "").split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
            SlaCalendar saved = sla.createCalendar(admin, new SlaManagement.CalendarDefinition(form.get("name"),
                form.get("timeZone"), hours, holidays));
            redirect.addFlashAttribute("done", "Added the calendar " + saved.name() + ".");
        } catch (InvalidInput | Conflict refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/admin/sla";
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static @Nullable Integer number(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw InvalidInput.field(field, "'" + value + "' is not a whole number");
        }
    }
}
