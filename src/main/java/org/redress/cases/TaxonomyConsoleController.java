package org.redress.cases;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.redress.identity.RedressUser;
import org.redress.shared.InvalidInput;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins keep the complaint categories and root causes (the security rules guard /admin). */
@Controller
class TaxonomyConsoleController {

    record Group(String kind, String title, String noun, List<TaxonomyEntry> entries) {}

    private final Taxonomy taxonomy;

    TaxonomyConsoleController(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    @GetMapping("/admin/taxonomy")
    String page(Model model) {
        model.addAttribute("section", "admin");
        model.addAttribute("groups", List.of(
            new Group(Taxonomy.CATEGORY, "Complaint categories", "category", taxonomy.entries(Taxonomy.CATEGORY, false)),
            new Group(Taxonomy.ROOT_CAUSE, "Root causes", "root cause", taxonomy.entries(Taxonomy.ROOT_CAUSE, false))));
        return "admin/taxonomy";
    }

    @PostMapping("/admin/taxonomy/{kind}")
    String add(@PathVariable String kind, @RequestParam String code, @RequestParam String label,
               @AuthenticationPrincipal RedressUser admin, RedirectAttributes redirect) {
        String normalised = code.trim().toLowerCase(java.util.Locale.ROOT);
        if (taxonomy.entry(kind, normalised).isPresent()) {
            redirect.addFlashAttribute("error", "The code " + normalised + " already exists; change it in its row.");
            return "redirect:/admin/taxonomy";
        }
        return save(kind, normalised, label, true, 50, admin, redirect);
    }

    @PostMapping("/admin/taxonomy/{kind}/{code}")
    String change(@PathVariable String kind, @PathVariable String code, @RequestParam String label,
                  @RequestParam(required = false) @Nullable String position,
                  @RequestParam(required = false, defaultValue = "false") boolean active,
                  @AuthenticationPrincipal RedressUser admin, RedirectAttributes redirect) {
        int order;
        try {
            order = position == null || position.isBlank() ? 50 : Integer.parseInt(position.trim());
        } catch (NumberFormatException e) {
            redirect.addFlashAttribute("error", "The order must be a whole number.");
            return "redirect:/admin/taxonomy";
        }
        return save(kind, code, label, active, order, admin, redirect);
    }

    private String save(String kind, String code, String label, boolean active, int position, RedressUser admin,
                        RedirectAttributes redirect) {
        try {
            TaxonomyEntry saved = taxonomy.save(admin.actor(), kind, code, label, active, position);
            redirect.addFlashAttribute("done", "Saved " + saved.code() + (saved.active() ? "." : " (retired)."));
        } catch (InvalidInput refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/admin/taxonomy";
    }
}
