package org.redress.privacy;

import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.redress.identity.RedressUser;
import org.redress.privacy.PersonalDataErasure.Report;
import org.redress.shared.Conflict;
import org.redress.shared.Forbidden;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A customer's personal data from their page in the console: downloaded as a JSON file, and erased (typed confirmation). */
@Controller
class PersonalDataConsoleController {

    private static final String CONFIRMATION = "ERASE";

    private final PersonalDataExport export;
    private final PersonalDataErasure erasure;

    PersonalDataConsoleController(PersonalDataExport export, PersonalDataErasure erasure) {
        this.export = export;
        this.erasure = erasure;
    }

    @GetMapping("/customers/{id}/personal-data")
    ResponseEntity<Map<String, @Nullable Object>> download(@PathVariable long id, @AuthenticationPrincipal RedressUser me) {
        return ResponseEntity.ok()
            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"customer-" + id + "-personal-data.json\"")
            .body(export.export(me, id));
    }

    @PostMapping("/customers/{id}/erase")
    String eraseInConsole(@PathVariable long id, @RequestParam(defaultValue = "") String confirm,
                          @AuthenticationPrincipal RedressUser me, RedirectAttributes redirect) {
        if (!CONFIRMATION.equals(confirm.trim().toUpperCase(Locale.ROOT))) {
            redirect.addFlashAttribute("error", "Type " + CONFIRMATION + " to confirm: an erasure cannot be undone.");
        } else {
            try {
                Report report = erasure.erase(me, id);
                redirect.addFlashAttribute("done", "Erased their personal data: " + report.cases() + " case"
                    + (report.cases() == 1 ? "" : "s") + " anonymised. Their record stays, without them, so reports still count it.");
            } catch (Conflict | Forbidden refused) {
                redirect.addFlashAttribute("error", refused.getMessage());
            }
        }
        return "redirect:/customers/" + id;
    }
}
