package org.redress.communications;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.redress.cases.CaseManagement;
import org.redress.platform.BadLinkThrottle;
import org.redress.remedies.Negotiation;
import org.redress.shared.Conflict;
import org.redress.shared.InvalidInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The "Write to us" form of the customer's page (the page is the remedies module's; this
 * module takes the message and its files). The same link opens it; a bad link gets the
 * page's "not valid" answer and counts towards its throttle. A refused file is said on the
 * page, in words the customer can act on, and nothing is written.
 */
@Controller
class CustomerMessagesController {

    private final Negotiation links;
    private final CaseManagement cases;
    private final CustomerMessages messages;
    private final Attachments attachments;
    private final BadLinkThrottle throttle;

    CustomerMessagesController(Negotiation links, CaseManagement cases, CustomerMessages messages, Attachments attachments,
                               BadLinkThrottle throttle) {
        this.links = links;
        this.cases = cases;
        this.messages = messages;
        this.attachments = attachments;
        this.throttle = throttle;
    }

    @PostMapping("/c/{token}/messages")
    String write(@PathVariable String token, @RequestParam(required = false) @Nullable String text,
                 @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> uploads,
                 HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Long caseId = links.caseOf(token).map(cases::survivorOf).orElse(null);
        if (caseId == null) {
            response.setStatus(throttle.refuse(request, response).value());
            model.addAttribute("tooMany", response.getStatus() == 429);
            return "customer/invalid";
        }
        try {
            List<Attachments.Checked> files = attachments.checkUploads(uploads);
            messages.write(caseId, text == null ? "" : text, files);
            redirect.addFlashAttribute("done", "Thank you, we have your message" + (files.isEmpty() ? "" : " and "
                + (files.size() == 1 ? "your file" : "your " + files.size() + " files")) + ". We will answer soon.");
        } catch (InvalidInput refused) {
            redirect.addFlashAttribute("error", readable(refused));
            redirect.addFlashAttribute("draft", text);
        } catch (Conflict refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/c/" + token;
    }

    // The rule in the customer's words: what to send instead.
    private String readable(InvalidInput refused) {
        String why = refused.errors().isEmpty() ? refused.getMessage() : refused.errors().get(0).message();
        if (!refused.errors().isEmpty() && refused.errors().get(0).field().equals("text")) {
            return "Please write your message before sending it (" + why + ").";
        }
        return "We could not take your message: " + why + ". You can send pictures (JPEG, PNG, GIF, WebP), PDF or plain "
            + "text files of up to " + attachments.limit() + " each; nothing was sent.";
    }
}
