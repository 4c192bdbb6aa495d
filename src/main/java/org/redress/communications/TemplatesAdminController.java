package org.redress.communications;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.redress.identity.RedressUser;
import org.redress.shared.InvalidInput;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins keep the message templates, with a preview on a sample case (the security rules guard /admin). */
@Controller
class TemplatesAdminController {

    private final Templates templates;

    TemplatesAdminController(Templates templates) {
        this.templates = templates;
    }

    @GetMapping("/admin/templates")
    String page(@RequestParam(required = false) @Nullable Long edit, Model model) {
        model.addAttribute("section", "admin");
        model.addAttribute("templates", templates.all());
        model.addAttribute("purposes", Purpose.values());
        model.addAttribute("editing", edit == null ? null
            : templates.all().stream().filter(t -> edit.equals(t.id())).findFirst().orElse(null));
        return "communications/templates";
    }

    @PostMapping("/admin/templates/preview")
    String preview(@RequestParam Map<String, String> form, @AuthenticationPrincipal RedressUser admin, Model model) {
        try {
            model.addAttribute("preview", templates.preview(blankToNull(form.get("subject")), form.get("body"), admin.name()));
        } catch (InvalidInput refused) {
            model.addAttribute("previewError", refused.getMessage());
        }
        return "communications/templates :: preview";
    }

    @PostMapping("/admin/templates")
    String save(@RequestParam Map<String, String> form, @AuthenticationPrincipal RedressUser admin, RedirectAttributes redirect) {
        try {
            MessageTemplate saved = templates.save(admin, form.get("purpose"), form.get("channel"), form.get("language"),
                blankToNull(form.get("subject")), form.get("body"));
            redirect.addFlashAttribute("done", "Saved the " + saved.purpose().name().toLowerCase().replace('_', ' ')
                + " template for " + saved.channel() + " (" + saved.language() + ").");
        } catch (InvalidInput refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/admin/templates";
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
