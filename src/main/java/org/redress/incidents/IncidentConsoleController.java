package org.redress.incidents;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.redress.cases.CaseCategories;
import org.redress.identity.RedressUser;
import org.redress.shared.Conflict;
import org.redress.shared.Forbidden;
import org.redress.shared.InvalidInput;
import org.redress.signals.EventType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The incidents in the console: the list, declaring one, and an incident's page with its customers. */
@Controller
class IncidentConsoleController {

    private final IncidentDesk desk;
    private final AffectedCustomers affected;
    private final AffectedCustomerList list;
    private final EventRule rule;
    private final IncidentNotices notices;
    private final CaseCategories categories;
    private final ZoneId businessZone;

    IncidentConsoleController(IncidentDesk desk, AffectedCustomers affected, AffectedCustomerList list, EventRule rule,
                              IncidentNotices notices, CaseCategories categories, ZoneId businessZone) {
        this.desk = desk;
        this.affected = affected;
        this.list = list;
        this.rule = rule;
        this.notices = notices;
        this.categories = categories;
        this.businessZone = businessZone;
    }

    @GetMapping("/incidents")
    String incidents(@RequestParam(required = false) @Nullable String show, Model model) {
        model.addAttribute("section", "incidents");
        model.addAttribute("show", "closed".equals(show) ? "closed" : "open");
        model.addAttribute("incidents", desk.list("closed".equals(show) ? "closed" : "open", null, 200));
        model.addAttribute("categories", categories.active());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "incidents/list";
    }

    @PostMapping("/incidents")
    String declare(@RequestParam Map<String, String> form, @AuthenticationPrincipal RedressUser me, RedirectAttributes redirect) {
        try {
            IncidentView declared = desk.declare(me, new IncidentDesk.Declaration(form.get("title"), form.get("whatHappened"),
                form.get("plan"), form.get("fixBy"), form.get("category"), severity(form.get("severity"))));
            redirect.addFlashAttribute("done", "Declared " + declared.number() + ". Now add the affected customers.");
            return "redirect:/incidents/" + declared.id();
        } catch (InvalidInput | Forbidden refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
            redirect.addFlashAttribute("form", form);
            return "redirect:/incidents";
        }
    }

    @GetMapping("/incidents/{id}")
    String incident(@PathVariable long id, @RequestParam(required = false) @Nullable String cursor,
                    @AuthenticationPrincipal RedressUser me, Model model) {
        IncidentView incident = desk.get(id);
        model.addAttribute("section", "incidents");
        model.addAttribute("i", incident);
        model.addAttribute("customers", list.page(id, cursor, 100));
        model.addAttribute("preview", notices.preview(incident, me.name()));
        model.addAttribute("eventTypes", EventType.values());
        return "incidents/detail";
    }

    @PostMapping("/incidents/{id}/customers/list")
    String addList(@PathVariable long id, @RequestParam(defaultValue = "") String customers,
                   @AuthenticationPrincipal RedressUser me, RedirectAttributes redirect) {
        // The box takes lines written as in a CSV file (the header may be left out), but it is a list, and recorded as one.
        boolean header = customers.strip().toLowerCase(java.util.Locale.ROOT).startsWith("customerref");
        String text = header || customers.isBlank() ? customers : "customerRef,email,name\n" + customers;
        return added(id, redirect, () -> affected.addLines(me, id, text, AffectedCustomers.LIST),
            header || customers.isBlank() ? 0 : 1);
    }

    @PostMapping("/incidents/{id}/customers/csv")
    String addCsv(@PathVariable long id, @RequestParam(required = false) @Nullable MultipartFile file,
                  @AuthenticationPrincipal RedressUser me, RedirectAttributes redirect) {
        return added(id, redirect, () -> affected.addCsv(me, id, file == null ? "" : IncidentApiController.read(file)), 0);
    }

    @PostMapping("/incidents/{id}/customers/rule")
    String addByRule(@PathVariable long id, @RequestParam Map<String, String> form, @AuthenticationPrincipal RedressUser me,
                     RedirectAttributes redirect) {
        return added(id, redirect, () -> {
            IncidentDesk.requireSupervisor(me, "put customers on incidents");
            EventRule.Rule asked = new EventRule.Rule(form.get("type"), instant("from", form.get("from")),
                instant("to", form.get("to")), form.get("attribute"), form.get("value"));
            return affected.addFound(me, id, rule.customers(asked));
        }, 0);
    }

    private String added(long id, RedirectAttributes redirect, java.util.function.Supplier<AffectedCustomers.Added> add, int lineShift) {
        try {
            AffectedCustomers.Added added = add.get();
            redirect.addFlashAttribute("done", added.added() + " customers added (" + added.alreadyOn() + " already on it, "
                + added.created() + " new to Redress).");
        } catch (InvalidInput refused) {
            redirect.addFlashAttribute("error", refused.errors().isEmpty() ? refused.getMessage()
                : refused.errors().size() + " problems; no customer was added. Correct them and try again:");
            redirect.addFlashAttribute("problems", refused.errors().stream()
                .map(p -> shift(p.field(), lineShift) + ": " + p.message()).toList());
        } catch (Conflict | Forbidden refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/incidents/" + id;
    }

    @PostMapping("/incidents/{id}/notify")
    String notifyCustomers(@PathVariable long id, @RequestParam(defaultValue = "false") boolean openCases,
                           @AuthenticationPrincipal RedressUser me, RedirectAttributes redirect) {
        try {
            desk.requestNotices(me, id, openCases);
            redirect.addFlashAttribute("done", "Notifying the affected customers" + (openCases ? ", with a linked case for each" : "")
                + ". Customers added later are notified too.");
        } catch (Conflict | Forbidden refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/incidents/" + id;
    }

    @PostMapping("/incidents/{id}/close")
    String close(@PathVariable long id, @RequestParam(required = false) @Nullable String lesson,
                 @AuthenticationPrincipal RedressUser me, RedirectAttributes redirect) {
        try {
            desk.close(me, id, lesson);
            redirect.addFlashAttribute("done", "Closed with its lesson.");
        } catch (InvalidInput | Conflict | Forbidden refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/incidents/" + id;
    }

    // Lines typed in the box are numbered as the person sees them, without the header added for them.
    private static String shift(String field, int lines) {
        if (lines == 0 || !field.startsWith("line ")) {
            return field;
        }
        return "line " + (Integer.parseInt(field.substring(5)) - lines);
    }

    private @Nullable String instant(String field, @Nullable String local) {
        if (local == null || local.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(local.trim()).atZone(businessZone).toInstant().toString();
        } catch (DateTimeParseException e) {
            throw InvalidInput.field(field, "'" + local + "' is not a date and time");
        }
    }

    private static @Nullable Integer severity(@Nullable String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw InvalidInput.field("severity", "must be a number from 1 to 4");
        }
    }
}
