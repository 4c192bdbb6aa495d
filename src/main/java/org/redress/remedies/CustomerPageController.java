package org.redress.remedies;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.redress.cases.CaseManagement;
import org.redress.cases.CaseView;
import org.redress.cases.PlaybookStep;
import org.redress.links.BadLink;
import org.redress.links.CaseLinks;
import org.redress.shared.Conflict;
import org.redress.shared.InvalidInput;
import org.redress.shared.NotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The customer page, opened from a case link without an account: what happened on their
 * case, what we offer, and their answer (accept, decline, counter). The links module checks
 * the link and answers a bad one (the same short "not valid" page as every customer link).
 */
@Controller
class CustomerPageController {

    private final Negotiation negotiation;
    private final RemedyDesk desk;
    private final CaseManagement cases;
    private final CaseLinks links;
    private final NegotiationHistory history;

    CustomerPageController(Negotiation negotiation, RemedyDesk desk, CaseManagement cases, CaseLinks links,
                           NegotiationHistory history) {
        this.history = history;
        this.negotiation = negotiation;
        this.desk = desk;
        this.cases = cases;
        this.links = links;
    }

    @GetMapping("/c/{token}")
    String page(@PathVariable String token, Model model) {
        long caseId = caseOf(token);
        CaseView c = cases.view(caseId);
        List<RemedyView> remedies = desk.ofCase(caseId);
        model.addAttribute("token", token);
        model.addAttribute("c", c);
        // Updates of a case merged into this one say "From RC-…:" for staff; the customer hears of one case.
        model.addAttribute("updates", cases.timeline(caseId).stream()
            .filter(entry -> entry.kind().equals("customer.update"))
            .map(entry -> new Update(entry.occurredAt(),
                entry.summary().replaceFirst("^(From RC-\\d+: )?Update to customer: ", ""))).toList());
        model.addAttribute("offers", remedies.stream().filter(r -> r.state().equals("OFFERED")).toList());
        model.addAttribute("agreed", remedies.stream().filter(r -> r.state().equals("ACCEPTED") || r.state().equals("FULFILLED")).toList());
        // What was agreed is the case's resolution (a remedy accepted, refined since, or agreed by hand): one answer.
        model.addAttribute("resolved", c.step(PlaybookStep.RESOLVE).done() && c.resolution() != null && c.promisedBy() != null);
        model.addAttribute("delivered", c.step(PlaybookStep.FULFIL).done());
        // What we told them when we owned it: the apology and the explanation, as recorded on the case.
        model.addAttribute("apology", c.step(PlaybookStep.APOLOGIZE).done() ? c.step(PlaybookStep.APOLOGIZE).note() : null);
        model.addAttribute("explanation", c.step(PlaybookStep.EXPLAIN).done() ? c.step(PlaybookStep.EXPLAIN).note() : null);
        model.addAttribute("negotiation", history.of(caseId));
        model.addAttribute("waiting", remedies.stream().filter(r -> r.state().equals("COUNTERED") || r.state().equals("DECLINED")).toList());
        return "remedies/customer";
    }

    record Update(java.time.Instant at, String text) {}

    @PostMapping("/c/{token}/offers/{id}/{answer}")
    String answer(@PathVariable String token, @PathVariable long id, @PathVariable String answer,
                  @RequestParam(required = false) @Nullable String amount, @RequestParam(required = false) @Nullable String note,
                  RedirectAttributes redirect) {
        long caseId = caseOf(token);
        try {
            RemedyView answered = switch (answer) {
                case "accept" -> negotiation.accept(caseId, id, note);
                case "decline" -> negotiation.decline(caseId, id, note);
                case "counter" -> negotiation.counter(caseId, id, amount, note);
                default -> throw new NotFound("There is no such answer.");
            };
            redirect.addFlashAttribute("done", switch (answer) {
                case "accept" -> "Thank you. It is agreed: " + answered.terms() + ", delivered by " + answered.deliverBy() + ".";
                case "decline" -> "Thank you for telling us. We will be in touch.";
                default -> "Thank you. We have your proposal and will answer shortly.";
            });
        } catch (InvalidInput | Conflict refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        } catch (NotFound elsewhere) {
            // Another case's offer (or no such answer), through this link, does not exist.
            throw BadLink.unknown();
        } catch (org.springframework.dao.OptimisticLockingFailureException concurrent) {
            redirect.addFlashAttribute("error", "Your answer crossed with a change on our side; please look at the offer again.");
        }
        return "redirect:/c/" + token;
    }

    private long caseOf(String token) {
        // A link to a case merged since (closed as a duplicate) opens the case it was merged into.
        return cases.survivorOf(links.caseOf(token));
    }
}
