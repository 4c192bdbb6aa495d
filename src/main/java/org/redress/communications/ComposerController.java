package org.redress.communications;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.redress.cases.CaseManagement;
import org.redress.identity.RedressUser;
import org.redress.shared.Conflict;
import org.redress.shared.Forbidden;
import org.redress.shared.InvalidInput;
import org.redress.shared.NotFound;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The composer on the case page (loaded with htmx; the cases module does not depend on
 * this one): pick a template, edit it, see the tone coach's hints as you type, attach
 * files, send on a channel that reaches the customer (the case's own first: a chat is
 * answered in the chat); and the messages sent with their delivery. A refused file (its type, its
 * size) is said above the form, which keeps what was written; nothing is queued.
 */
@Controller
class ComposerController {

    private final Templates templates;
    private final Replies replies;
    private final Outbox outbox;
    private final ToneCoach coach;
    private final Attachments attachments;
    private final CustomerChannels channels;
    private final CaseManagement cases;

    ComposerController(Templates templates, Replies replies, Outbox outbox, ToneCoach coach, Attachments attachments,
                       CustomerChannels channels, CaseManagement cases) {
        this.channels = channels;
        this.cases = cases;
        this.attachments = attachments;
        this.templates = templates;
        this.replies = replies;
        this.outbox = outbox;
        this.coach = coach;
    }

    @GetMapping("/cases/{case}/composer")
    String composer(@PathVariable("case") String number, @RequestParam(required = false) @Nullable String purpose,
                    @AuthenticationPrincipal RedressUser me, Model model) {
        String subject = "";
        String body = "";
        if (purpose != null && !purpose.isBlank()) {
            try {
                Templates.Filled filled = templates.fill(CaseManagement.idOf(number), purpose, "email", "en", me.name());
                subject = filled.subject() == null ? "" : filled.subject();
                body = filled.body();
            } catch (NotFound | InvalidInput missing) {
                model.addAttribute("error", missing.getMessage());
            }
        }
        return card(number, purpose, subject, body, model);
    }

    /**
     * The acknowledgement template filled in for the case, as the text box of the case page's
     * Acknowledge step (its id and name): what the agent then sends is what they see.
     */
    @GetMapping("/cases/{case}/composer/acknowledgement")
    String acknowledgement(@PathVariable("case") String number, @AuthenticationPrincipal RedressUser me, Model model) {
        String body = "";
        try {
            body = templates.fill(CaseManagement.idOf(number), Purpose.ACKNOWLEDGEMENT.name(), "email", "en", me.name()).body();
        } catch (NotFound missing) {
            model.addAttribute("error", missing.getMessage());
        }
        model.addAttribute("body", body);
        return "communications/composer :: acknowledgement";
    }

    @PostMapping("/cases/{case}/composer/tone")
    String tone(@RequestParam Map<String, String> form, Model model) {
        String text = form.getOrDefault("text", "");
        String purpose = form.get("purpose");
        model.addAttribute("findings", text.isBlank() ? List.of() : coach.review(text,
            Purpose.parseOptional(purpose), "email", "en"));
        return "communications/composer :: hints";
    }

    @PostMapping("/cases/{case}/composer")
    String send(@PathVariable("case") String number, @RequestParam Map<String, String> form,
                @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> uploads,
                @AuthenticationPrincipal RedressUser me, Model model) {
        String purpose = form.get("purpose");
        try {
            List<Attachments.Checked> files = attachments.checkUploads(uploads);
            Replies.Queued queued = replies.send(CaseManagement.idOf(number), me, form.get("channel"), purpose,
                form.get("subject"), form.get("text"), files);
            model.addAttribute("done", "Queued for sending" + (files.isEmpty() ? "" : " with " + files.size() + " file"
                + (files.size() == 1 ? "" : "s")) + (queued.findings().isEmpty() ? "." : ", with "
                + queued.findings().size() + " tone hint" + (queued.findings().size() == 1 ? "" : "s") + " noted."));
            return card(number, null, "", "", model);
        } catch (InvalidInput | Conflict | Forbidden refused) {
            model.addAttribute("error", refused.getMessage());
            return card(number, purpose, form.getOrDefault("subject", ""), form.getOrDefault("text", ""), model);
        }
    }

    private String card(String number, @Nullable String purpose, String subject, String body, Model model) {
        model.addAttribute("number", number);
        model.addAttribute("purposes", Purpose.COMPOSED);
        model.addAttribute("purpose", purpose == null ? "" : purpose.toUpperCase(java.util.Locale.ROOT));
        model.addAttribute("subject", subject);
        model.addAttribute("body", body);
        model.addAttribute("findings", body.isBlank() ? List.of() : coach.review(body,
            Purpose.parseOptional(purpose), "email", "en"));
        model.addAttribute("sent", outbox.ofCase(CaseManagement.idOf(number)));
        model.addAttribute("maxFile", attachments.limit());
        // The channels that reach the customer, the one the case is answered on first.
        model.addAttribute("channels", channels.reaching(cases.view(CaseManagement.idOf(number))).stream()
            .map(reach -> reach.channel().name()).toList());
        return "communications/composer :: composer";
    }
}
