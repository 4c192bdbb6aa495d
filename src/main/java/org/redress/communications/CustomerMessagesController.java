package org.redress.communications;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.redress.cases.CaseManagement;
import org.redress.links.CaseLinks;
import org.redress.shared.Conflict;
import org.redress.shared.InvalidInput;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The "Write to us" form of the customer's page (the page is the remedies module's; this
 * module takes the message and its files). The same case link opens it, checked by the links
 * module, which answers a bad one. A refused file is said on the page, in words the customer
 * can act on, and nothing is written.
 */
@Controller
class CustomerMessagesController {

    private final CaseLinks links;
    private final CaseManagement cases;
    private final CustomerMessages messages;
    private final Attachments attachments;

    CustomerMessagesController(CaseLinks links, CaseManagement cases, CustomerMessages messages, Attachments attachments) {
        this.links = links;
        this.cases = cases;
        this.messages = messages;
        this.attachments = attachments;
    }

    @PostMapping("/c/{token}/messages")
    String write(@PathVariable String token, @RequestParam(required = false) @Nullable String text,
                 @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> uploads,
                 RedirectAttributes redirect) {
        // A link to a case merged since (closed as a duplicate) writes to the case it was merged into.
        long caseId = cases.survivorOf(links.caseOf(token));
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
