package org.redress.sla;

import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.redress.cases.Channel;
import org.redress.customers.CustomerManagement;
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

import jakarta.servlet.http.HttpServletResponse;

/**
 * Admins keep SLA policies and business-hours calendars (the security rules guard /admin).
 * Targets are entered and shown in minutes, hours or days (business hours under a
 * calendar); channel and tier are chosen from those that exist.
 */
@Controller
class SlaAdminController {

    private final SlaManagement sla;
    private final UserManagement users;
    private final CustomerManagement customers;

    SlaAdminController(SlaManagement sla, UserManagement users, CustomerManagement customers) {
        this.sla = sla;
        this.users = users;
        this.customers = customers;
    }

    /** The page; with {@code edit}, the form holds that policy to change it. */
    @GetMapping("/admin/sla")
    String page(@RequestParam(required = false) @Nullable Long edit, Model model) {
        SlaPolicy editing = edit == null ? null : sla.policies().stream()
            .filter(policy -> edit.equals(policy.id())).findFirst().orElse(null);
        return page(editing, editing == null ? PolicyForm.blank() : PolicyForm.of(editing), model);
    }

    @PostMapping("/admin/sla/policies")
    String createPolicy(@RequestParam Map<String, String> form, @AuthenticationPrincipal RedressUser admin, Model model,
                        RedirectAttributes redirect, HttpServletResponse response) {
        try {
            SlaPolicy saved = sla.createPolicy(admin, PolicyForm.definition(form));
            redirect.addFlashAttribute("done", "Added the policy " + saved.name() + ".");
            return "redirect:/admin/sla";
        } catch (InvalidInput refused) {
            return refused(null, form, refused, model, response);
        } catch (Conflict refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
            return "redirect:/admin/sla";
        }
    }

    @PostMapping("/admin/sla/policies/{id}")
    String changePolicy(@PathVariable long id, @RequestParam Map<String, String> form,
                        @AuthenticationPrincipal RedressUser admin, Model model, RedirectAttributes redirect,
                        HttpServletResponse response) {
        try {
            SlaPolicy saved = sla.changePolicy(admin, id, PolicyForm.definition(form));
            redirect.addFlashAttribute("done", "Saved the policy " + saved.name() + ".");
            return "redirect:/admin/sla";
        } catch (InvalidInput refused) {
            SlaPolicy editing = sla.policies().stream().filter(policy -> policy.id() == id).findFirst().orElse(null);
            return refused(editing, form, refused, model, response);
        } catch (Conflict refused) {
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

    // The form again, answered 422, with what was typed and each problem beside its field; nothing was saved.
    private String refused(@Nullable SlaPolicy editing, Map<String, String> form, InvalidInput refused, Model model,
                           HttpServletResponse response) {
        response.setStatus(422);
        model.addAttribute("error", "Nothing was saved: " + refused.getMessage());
        model.addAttribute("errors", PolicyForm.errorsByField(refused));
        return page(editing, new PolicyForm(form), model);
    }

    private String page(@Nullable SlaPolicy editing, PolicyForm form, Model model) {
        List<SlaPolicy> policies = sla.policies();
        model.addAttribute("section", "admin");
        model.addAttribute("policies", policies);
        model.addAttribute("editing", editing);
        model.addAttribute("form", form);
        model.addAttribute("channels", Channel.values());
        model.addAttribute("tiers", customers.tiers());
        model.addAttribute("units", TargetTime.Unit.values());
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
        Map<String, String> channelNames = new HashMap<>();
        Arrays.stream(Channel.values()).forEach(channel -> channelNames.put(channel.code(), channel.label()));
        model.addAttribute("calendarNames", calendarNames);
        model.addAttribute("teamNames", teamNames);
        model.addAttribute("peopleNames", peopleNames);
        model.addAttribute("channelNames", channelNames);
        model.addAttribute("targets", policies.stream().collect(java.util.stream.Collectors.toMap(SlaPolicy::id,
            PolicyForm::targetsShown)));
        model.addAttribute("days", DayOfWeek.values());
        return "sla/admin";
    }

    @PostMapping("/admin/sla/calendars")
    String createCalendar(@RequestParam Map<String, String> form, @AuthenticationPrincipal RedressUser admin, Model model,
                          RedirectAttributes redirect, HttpServletResponse response) {
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
            return "redirect:/admin/sla";
        } catch (InvalidInput | Conflict refused) {
            // A name already taken is a problem with the name, shown beside it like the others.
            Map<String, String> errors = refused instanceof InvalidInput invalid ? PolicyForm.errorsByField(invalid)
                : Map.of("name", String.valueOf(refused.getMessage()));
            response.setStatus(422);
            model.addAttribute("error", "Nothing was saved: " + refused.getMessage());
            model.addAttribute("calendarErrors", errors);
            model.addAttribute("calendarForm", form);
            return page(null, PolicyForm.blank(), model);
        }
    }
}
