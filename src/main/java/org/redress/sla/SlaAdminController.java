package org.redress.sla;

import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.redress.identity.RedressUser;
import org.redress.identity.UserManagement;
import org.redress.identity.UserSummary;
import org.redress.shared.Conflict;
import org.redress.shared.InvalidInput;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins keep SLA policies and business-hours calendars (the security rules guard /admin). */
@Controller
class SlaAdminController {

    private final SlaManagement sla;
    private final UserManagement users;

    SlaAdminController(SlaManagement sla, UserManagement users) {
        this.sla = sla;
        this.users = users;
    }

    /** The page; with {@code edit}, the form holds that policy to change it. */
    @GetMapping("/admin/sla")
    String page(@RequestParam(required = false) @Nullable Long edit, Model model) {
        List<SlaPolicy> policies = sla.policies();
        model.addAttribute("section", "admin");
        model.addAttribute("policies", policies);
        model.addAttribute("editing", edit == null ? null : policies.stream()
            .filter(policy -> edit.equals(policy.id())).findFirst().orElse(null));
        List<SlaApiController.CalendarView> calendars = sla.calendars().stream().map(SlaApiController.CalendarView::of).toList();
        List<UserSummary> people = users.users();
        model.addAttribute("calendars", calendars);
        model.addAttribute("teams", users.teams());
        model.addAttribute("people", people.stream().filter(UserSummary::active).toList());
        // Names by id for the table; lookups of a null id find nothing.
        Map<Long, String> calendarNames = new HashMap<>();
        calendars.forEach(calendar -> calendarNames.put(calendar.id(), calendar.name()));
        Map<Long, String> teamNames = new HashMap<>();
        users.teams().forEach(team -> teamNames.put(team.id(), team.name()));
        Map<Long, String> peopleNames = new HashMap<>();
        people.forEach(person -> peopleNames.put(person.id(), person.name()));
        model.addAttribute("calendarNames", calendarNames);
        model.addAttribute("teamNames", teamNames);
        model.addAttribute("peopleNames", peopleNames);
        model.addAttribute("days", DayOfWeek.values());
        return "sla/admin";
    }

    @PostMapping("/admin/sla/policies")
    String createPolicy(@RequestParam Map<String, String> form, @AuthenticationPrincipal RedressUser admin,
                        RedirectAttributes redirect) {
        try {
            SlaPolicy saved = sla.createPolicy(admin, definition(form));
            redirect.addFlashAttribute("done", "Added the policy " + saved.name() + ".");
        } catch (InvalidInput | Conflict refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/admin/sla";
    }

    @PostMapping("/admin/sla/policies/{id}")
    String changePolicy(@PathVariable long id, @RequestParam Map<String, String> form,
                        @AuthenticationPrincipal RedressUser admin, RedirectAttributes redirect) {
        try {
            SlaPolicy saved = sla.changePolicy(admin, id, definition(form));
            redirect.addFlashAttribute("done", "Saved the policy " + saved.name() + ".");
            return "redirect:/admin/sla";
        } catch (InvalidInput | Conflict refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
            return "redirect:/admin/sla?edit=" + id;
        }
    }

    @PostMapping("/admin/sla/policies/{id}/delete")
    String deletePolicy(@PathVariable long id, @AuthenticationPrincipal RedressUser admin, RedirectAttributes redirect) {
        try {
            sla.deletePolicy(admin, id);
            redirect.addFlashAttribute("done", "Deleted the policy.");
        } catch (Conflict refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/admin/sla";
    }

    private static SlaManagement.PolicyDefinition definition(Map<String, String> form) {
        return new SlaManagement.PolicyDefinition(form.get("name"),
            number("severity", form.get("severity")), blankToNull(form.get("channel")), blankToNull(form.get("tier")),
            number("acknowledgeMinutes", form.get("acknowledgeMinutes")), number("resolveMinutes", form.get("resolveMinutes")),
            number("fulfilMinutes", form.get("fulfilMinutes")), number("followUpMinutes", form.get("followUpMinutes")),
            number("warnAtPercent", form.get("warnAtPercent")), id("calendarId", form.get("calendarId")),
            id("escalationTeamId", form.get("escalationTeamId")), id("escalationAssigneeId", form.get("escalationAssigneeId")),
            // An unticked checkbox sends nothing.
            form.containsKey("escalationNotifyLeads"), form.containsKey("escalationRaiseSeverity"));
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

    private static @Nullable Long id(String field, @Nullable String value) {
        Integer number = number(field, value);
        return number == null ? null : number.longValue();
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
