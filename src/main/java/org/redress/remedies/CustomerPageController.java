package org.redress.remedies;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.redress.cases.CaseManagement;
import org.redress.cases.CaseView;
import org.redress.cases.PlaybookStep;
import org.redress.platform.BadLinkThrottle;
import org.redress.shared.Conflict;
import org.redress.shared.InvalidInput;
import org.redress.shared.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The customer page, opened from a signed link without an account: what happened on their
 * case, what we offer, and their answer (accept, decline, counter). A bad link gets the
 * same short "not valid" page whatever is wrong with it; too many bad links from one
 * address are refused for a while.
 */
@Controller
class CustomerPageController {

    private final Negotiation negotiation;
    private final RemedyDesk desk;
    private final CaseManagement cases;
    private final BadLinkThrottle throttle;
    private final NegotiationHistory history;

    CustomerPageController(Negotiation negotiation, RemedyDesk desk, CaseManagement cases, BadLinkThrottle throttle,
                           NegotiationHistory history) {
        this.history = history;
        this.negotiation = negotiation;
        this.desk = desk;
        this.cases = cases;
        this.throttle = throttle;
    }

    @GetMapping("/c/{token}")
    String page(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        long caseId = caseOf(token, request, response);
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
        return "customer/page";
    }

    record Update(java.time.Instant at, String text) {}

    @PostMapping("/c/{token}/offers/{id}/{answer}")
    String answer(@PathVariable String token, @PathVariable long id, @PathVariable String answer,
                  @RequestParam(required = false) @Nullable String amount, @RequestParam(required = false) @Nullable String note,
                  HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        long caseId = caseOf(token, request, response);
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
        } catch (org.springframework.dao.OptimisticLockingFailureException concurrent) {
            redirect.addFlashAttribute("error", "Your answer crossed with a change on our side; please look at the offer again.");
        }
        return "redirect:/c/" + token;
    }

    /** A link that opens nothing; the customer learns no more than that. */
    static final class BadLink extends RuntimeException {
        final HttpStatus status;

        BadLink(HttpStatus status) {
            super(null, null, false, false);
            this.status = status;
        }
    }

    @ExceptionHandler
    String badLink(BadLink bad, HttpServletResponse response, Model model) {
        response.setStatus(bad.status.value());
        model.addAttribute("tooMany", bad.status == HttpStatus.TOO_MANY_REQUESTS);
        return "customer/invalid";
    }

    /** Another case's offer, through this link, does not exist. */
    @ExceptionHandler
    String noSuchOffer(NotFound missing, HttpServletResponse response, Model model) {
        return badLink(new BadLink(HttpStatus.NOT_FOUND), response, model);
    }

    private long caseOf(String token, HttpServletRequest request, HttpServletResponse response) {
        // A link to a case merged since (closed as a duplicate) opens the case it was merged into.
        return negotiation.caseOf(token).map(cases::survivorOf)
            .orElseThrow(() -> new BadLink(throttle.refuse(request, response)));
    }
}
