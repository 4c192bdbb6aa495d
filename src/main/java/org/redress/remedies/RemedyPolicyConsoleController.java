package org.redress.remedies;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.redress.cases.CaseCategories;
import org.redress.customers.CustomerManagement;
import org.redress.identity.RedressUser;
import org.redress.identity.Role;
import org.redress.identity.UserManagement;
import org.redress.identity.UserSummary;
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
 * The remedy policy in the console: the catalog, the authority matrix and the fair-offer
 * rules. Leads and managers read it (they approve against it); admins change it, as in the
 * API. A refused change shows the page again with what was typed and each problem beside
 * its field; nothing is written.
 */
@Controller
class RemedyPolicyConsoleController {

    private final RemedyAdmin admin;
    private final FairOfferRules rules;
    private final RemedyTypes types;
    private final UserManagement users;
    private final CaseCategories categories;
    private final CustomerManagement customers;
    private final AuthorityRaises raises;

    RemedyPolicyConsoleController(RemedyAdmin admin, FairOfferRules rules, RemedyTypes types, UserManagement users,
                                  CaseCategories categories, CustomerManagement customers, AuthorityRaises raises) {
        this.admin = admin;
        this.raises = raises;
        this.rules = rules;
        this.types = types;
        this.users = users;
        this.categories = categories;
        this.customers = customers;
    }

    /** A limit as the page shows it: who holds it and for which type, in words. */
    record LimitLine(RemedyAdmin.Limit limit, String holder, String holderKey, String typeLabel) {}

    @GetMapping("/admin/remedies")
    String page(@RequestParam(required = false) @Nullable Long editRule, Model model) {
        model.addAttribute("editing", editRule == null ? null
            : rules.rules().stream().filter(rule -> rule.id() == editRule).findFirst().orElse(null));
        return page(model);
    }

    @PostMapping("/admin/remedies/types")
    String addType(@RequestParam Map<String, String> form, @AuthenticationPrincipal RedressUser me, Model model,
                   RedirectAttributes redirect, HttpServletResponse response) {
        return attempt("new-type", form, model, redirect, response, () -> {
            RemedyType added = admin.addType(me, form.get("code"), form.get("label"), form.get("kind"));
            return "Added " + added.label() + " to the catalog.";
        });
    }

    @PostMapping("/admin/remedies/types/{code}")
    String changeType(@PathVariable String code, @RequestParam Map<String, String> form, @AuthenticationPrincipal RedressUser me,
                      Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return attempt("type:" + code, form, model, redirect, response, () -> {
            RemedyType saved = admin.saveType(me, code, form.get("label"), form.get("kind"), current(code).active());
            return "Saved " + saved.label() + ".";
        });
    }

    @PostMapping("/admin/remedies/types/{code}/{change:retire|restore}")
    String retireType(@PathVariable String code, @PathVariable String change, @AuthenticationPrincipal RedressUser me,
                      Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return attempt("type:" + code, Map.of(), model, redirect, response, () -> {
            RemedyType type = current(code);
            RemedyType saved = admin.saveType(me, code, type.label(), type.kind().name(), change.equals("restore"));
            return saved.active() ? saved.label() + " is offered again."
                : "Retired " + saved.label() + ": it can no longer be granted; remedies already given keep it.";
        });
    }

    @PostMapping("/admin/remedies/limits")
    String setLimit(@RequestParam Map<String, String> form, @AuthenticationPrincipal RedressUser me, Model model,
                    RedirectAttributes redirect, HttpServletResponse response) {
        String formId = form.getOrDefault("formId", "new-limit");
        return attempt(formId, form, model, redirect, response, () -> {
            LimitHolder holder = LimitHolder.parse(form.get("holder"));
            RemedyAdmin.Limit set = admin.setLimit(me, holder.role(), holder.userId(), form.get("type"), form.get("perCase"),
                form.get("perMonth"));
            return "Set the limit for " + set.type() + ": " + set.perCase() + " per case, " + set.perMonth() + " per month.";
        });
    }

    @PostMapping("/admin/remedies/limits/{id}/delete")
    String deleteLimit(@PathVariable long id, @AuthenticationPrincipal RedressUser me, Model model, RedirectAttributes redirect,
                       HttpServletResponse response) {
        return attempt("limit:" + id, Map.of(), model, redirect, response, () -> {
            admin.deleteLimit(me, id);
            return "Removed the limit.";
        });
    }

    @PostMapping("/admin/remedies/rules")
    String addRule(@RequestParam Map<String, String> form, @AuthenticationPrincipal RedressUser me, Model model,
                   RedirectAttributes redirect, HttpServletResponse response) {
        return attempt("rule", form, model, redirect, response, () -> {
            FairOfferRules.Rule added = rules.addRule(me, definition(form));
            return "Added the rule: " + added.type() + " " + added.from() + "–" + added.to() + ".";
        });
    }

    @PostMapping("/admin/remedies/rules/{id}")
    String changeRule(@PathVariable long id, @RequestParam Map<String, String> form, @AuthenticationPrincipal RedressUser me,
                      Model model, RedirectAttributes redirect, HttpServletResponse response) {
        model.addAttribute("editing", rules.rules().stream().filter(rule -> rule.id() == id).findFirst().orElse(null));
        return attempt("rule", form, model, redirect, response, () -> {
            FairOfferRules.Rule saved = rules.changeRule(me, id, definition(form));
            return "Saved the rule: " + saved.type() + " " + saved.from() + "–" + saved.to() + ".";
        });
    }

    @PostMapping("/admin/remedies/rules/{id}/delete")
    String deleteRule(@PathVariable long id, @AuthenticationPrincipal RedressUser me, Model model, RedirectAttributes redirect,
                      HttpServletResponse response) {
        return attempt("rule:" + id, Map.of(), model, redirect, response, () -> {
            rules.deleteRule(me, id);
            return "Removed the rule.";
        });
    }

    /*
     * Success redirects (a reload sends nothing twice). A refusal renders the page again,
     * answered 422, with what was typed and every problem beside its field.
     */
    private String attempt(String formId, Map<String, String> form, Model model, RedirectAttributes redirect,
                           HttpServletResponse response, Supplier<String> change) {
        try {
            redirect.addFlashAttribute("done", change.get());
            return "redirect:/admin/remedies";
        } catch (InvalidInput refused) {
            Map<String, String> errors = new LinkedHashMap<>();
            refused.errors().forEach(error -> errors.merge(error.field(), error.message(), (a, b) -> a + "; " + b));
            response.setStatus(422);
            model.addAttribute("error", "Nothing was saved: " + refused.getMessage());
            model.addAttribute("failed", formId);
            model.addAttribute("errors", errors);
            model.addAttribute("values", form);
            return page(model);
        }
    }

    private String page(Model model) {
        List<UserSummary> people = users.users().stream().filter(user -> user.role().person()).toList();
        Map<Long, String> names = new LinkedHashMap<>();
        people.forEach(person -> names.put(person.id(), person.name()));
        List<RemedyType> catalog = types.findAllByOrderByLabelAsc();
        Map<String, String> typeLabels = new LinkedHashMap<>();
        catalog.forEach(type -> typeLabels.put(type.code(), type.label()));
        model.addAttribute("section", "admin");
        model.addAttribute("types", catalog);
        model.addAttribute("typeLabels", typeLabels);
        model.addAttribute("kinds", RemedyType.Kind.values());
        model.addAttribute("limits", admin.limits().stream().map(limit -> new LimitLine(limit,
            limit.role() != null ? "Every " + Role.valueOf(limit.role()).label().toLowerCase(java.util.Locale.ROOT)
                : names.getOrDefault(limit.userId(), "User " + limit.userId()) + " (own limit)",
            limit.role() != null ? "role:" + limit.role() : "user:" + limit.userId(),
            typeLabels.getOrDefault(limit.type(), limit.type()))).toList());
        model.addAttribute("raises", raises.current());
        model.addAttribute("roles", Arrays.stream(Role.values()).filter(Role::person).toList());
        model.addAttribute("people", people.stream().filter(UserSummary::active).toList());
        model.addAttribute("rules", rules.rules());
        model.addAttribute("categories", categories.active());
        model.addAttribute("tiers", customers.tiers());
        model.addAttribute("currency", admin.currency().getCurrencyCode());
        return "remedies/admin";
    }

    private RemedyType current(String code) {
        return types.findById(code).orElseThrow(() -> new org.redress.shared.NotFound("There is no remedy type " + code + "."));
    }

    private static FairOfferRules.Definition definition(Map<String, String> form) {
        String severity = form.get("severity");
        Integer level = null;
        if (severity != null && !severity.isBlank()) {
            try {
                level = Integer.valueOf(severity.trim());
            } catch (NumberFormatException e) {
                throw InvalidInput.field("severity", "'" + severity + "' is not a severity from 1 to 4");
            }
        }
        return new FairOfferRules.Definition(form.get("category"), level, form.get("tier"), form.get("type"), form.get("from"),
            form.get("to"));
    }
}
