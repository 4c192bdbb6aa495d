package org.redress.communications;

import org.jspecify.annotations.Nullable;
import org.redress.shared.InvalidInput;
import org.redress.shared.NotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The Mail page: admins read every email to customers as the customer sees it, and whether it went out. */
@Controller
class MailConsoleController {

    private final MailLog log;
    private final MailRoute route;
    private final MailServerHealth health;
    private final MailNotices notices;

    MailConsoleController(MailLog log, MailRoute route, MailServerHealth health, MailNotices notices) {
        this.log = log;
        this.route = route;
        this.health = health;
        this.notices = notices;
    }

    @GetMapping("/admin/mail")
    String page(@RequestParam(required = false) @Nullable String state, @RequestParam(required = false) @Nullable String recipient,
                @RequestParam(required = false) @Nullable Long before, Model model) {
        MailLog.Standing standing;
        try {
            standing = MailLog.Standing.parse(state);
        } catch (InvalidInput refused) {
            model.addAttribute("error", "Show queued, sent or failed messages; '" + state + "' is not one of them.");
            standing = null;
        }
        var messages = log.page(standing, recipient, before);
        model.addAttribute("section", "admin");
        model.addAttribute("state", standing == null ? "all" : standing.name().toLowerCase(java.util.Locale.ROOT));
        model.addAttribute("recipient", recipient == null ? "" : recipient);
        model.addAttribute("messages", messages);
        model.addAttribute("older", messages.size() == MailLog.PAGE ? messages.get(messages.size() - 1).id() : null);
        model.addAttribute("counts", log.counts());
        model.addAttribute("route", route);
        model.addAttribute("health", health.status());
        return "communications/mail";
    }

    @GetMapping("/admin/mail/{id}")
    String message(@PathVariable long id, Model model) {
        MailLog.Message message = log.message(id).orElseThrow(() -> new NotFound("There is no email " + id + "."));
        model.addAttribute("section", "admin");
        model.addAttribute("message", message);
        model.addAttribute("html", EmailChannel.paragraphs(message.text()));
        return "communications/mail-message";
    }

    /** The admins' banner, fetched by every console page they open (so pages themselves stay cheap). */
    @GetMapping("/admin/notices")
    String notices(Model model) {
        model.addAttribute("notices", notices.current());
        return "communications/notices :: notices";
    }
}
