package org.redress.remedies;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.redress.cases.CaseManagement;
import org.redress.identity.RedressUser;
import org.redress.links.CaseLinks;
import org.redress.shared.Conflict;
import org.redress.shared.Forbidden;
import org.redress.shared.FormFields;
import org.redress.shared.InvalidInput;
import org.redress.shared.NotFound;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The remedies card on the case page (loaded and updated with htmx; the cases module does
 * not depend on this one), and the approval inbox for leads and managers (whose goodwill ledger is a report of insights,
 * loaded after the page).
 */
@Controller
class RemedyConsoleController {

    private final RemedyDesk desk;
    private final Negotiation negotiation;
    private final CaseManagement cases;
    private final RemedyReports reports;
    private final FairOffers fairOffers;
    private final RemedyTypes types;
    private final RemedySettings settings;
    private final CaseLinks links;

    RemedyConsoleController(RemedyDesk desk, Negotiation negotiation, CaseManagement cases, RemedyReports reports,
                            FairOffers fairOffers, RemedyTypes types, RemedySettings settings, CaseLinks links) {
        this.links = links;
        this.desk = desk;
        this.cases = cases;
        this.negotiation = negotiation;
        this.reports = reports;
        this.fairOffers = fairOffers;
        this.types = types;
        this.settings = settings;
    }

    @GetMapping("/cases/{case}/remedies")
    String card(@PathVariable("case") String number, @AuthenticationPrincipal RedressUser me, Model model) {
        return card(number, me, null, null, model);
    }

    @PostMapping("/cases/{case}/remedies")
    String propose(@PathVariable("case") String number, @RequestParam Map<String, String> form,
                   @AuthenticationPrincipal RedressUser me, Model model) {
        return act(number, me, model, () -> {
            RemedyView made = desk.propose(CaseManagement.idOf(number), me, new RemedyDesk.Proposal(form.get("type"),
                form.get("amount"), FormFields.wholeNumber("percent", form.get("percent")), form.get("baseAmount"), null, form.get("description")));
            return made.state().equals("APPROVED") ? "Granted: " + made.terms() + ". Offer it to the customer below."
                : "Beyond your authority: sent for approval.";
        });
    }

    @PostMapping("/cases/{case}/remedies/{id}/{action}")
    String remedyAction(@PathVariable("case") String number, @PathVariable long id, @PathVariable String action,
                        @RequestParam Map<String, String> form, @AuthenticationPrincipal RedressUser me, Model model) {
        requireOnCase(number, id, me);
        return act(number, me, model, () -> switch (action) {
            case "offer" -> {
                negotiation.offer(id, me, FormFields.date("deliverBy", form.get("deliverBy")));
                String email = cases.view(CaseManagement.idOf(number)).customer().email();
                // The offer goes to the customer once, as a customer update with this link: say so, rather
                // than ask the agent to send it again.
                yield email != null
                    ? "Offered. We have emailed our proposal to " + email + " with the link to their page; copy the same "
                        + "link below only to send it another way (phone, chat)."
                    : "Offered. The customer has no email address, so nothing was sent: copy their link below and send "
                        + "it to them another way (phone, chat, letter).";
            }
            case "accept-counter" -> {
                RemedyView made = desk.acceptCounter(id, me, FormFields.date("deliverBy", form.get("deliverBy")));
                yield made.state().equals("ACCEPTED") ? "Agreed with the customer: " + made.terms() + "."
                    : "Their proposal is beyond your authority: sent for approval.";
            }
            case "counter" -> {
                RemedyView made = desk.counterBack(id, me, form.get("amount"), FormFields.date("deliverBy", form.get("deliverBy")));
                yield made.state().equals("OFFERED") ? "Our counter-offer went to the customer: " + made.terms() + "."
                    : "Our counter-offer is beyond your authority: sent for approval; offer it once approved.";
            }
            case "fulfil" -> {
                desk.fulfil(id, me, form.get("reference"));
                yield "Recorded as delivered.";
            }
            case "withdraw" -> {
                desk.withdraw(id, me, form.get("reason"));
                yield "Withdrawn.";
            }
            default -> throw new NotFound("There is no such action.");
        });
    }

    @GetMapping("/approvals")
    String approvals(@AuthenticationPrincipal RedressUser me, Model model) {
        model.addAttribute("section", "approvals");
        model.addAttribute("requests", reports.approvals(me));
        return "remedies/approvals";
    }

    @PostMapping("/approvals/{id}/{decision}")
    String decide(@PathVariable long id, @PathVariable String decision, @RequestParam(required = false) @Nullable String note,
                  @AuthenticationPrincipal RedressUser me, RedirectAttributes redirect) {
        try {
            RemedyView decided = switch (decision) {
                case "approve" -> desk.approve(id, me, note);
                case "reject" -> desk.reject(id, me, note);
                default -> throw new NotFound("There is no such decision.");
            };
            redirect.addFlashAttribute("done", (decision.equals("approve") ? "Approved: " : "Rejected: ") + decided.terms());
        } catch (InvalidInput | Conflict | Forbidden refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        } catch (OptimisticLockingFailureException concurrent) {
            redirect.addFlashAttribute("error", "Someone else decided on this request at the same moment; see its state now.");
        }
        return "redirect:/approvals";
    }

    private interface Action {
        String run();
    }

    private String act(String number, RedressUser me, Model model, Action action) {
        try {
            return card(number, me, action.run(), null, model);
        } catch (InvalidInput | Conflict | Forbidden refused) {
            return card(number, me, null, refused.getMessage(), model);
        } catch (OptimisticLockingFailureException concurrent) {
            return card(number, me, null, "Someone changed this remedy at the same moment; here it is as it stands now.", model);
        }
    }

    private String card(String number, RedressUser me, @Nullable String done, @Nullable String error, Model model) {
        long caseId = CaseManagement.idOf(number);
        var remedies = desk.ofCase(caseId);
        model.addAttribute("number", number);
        model.addAttribute("remedies", remedies);
        model.addAttribute("types", types.findAllByOrderByLabelAsc().stream().filter(RemedyType::active).toList());
        model.addAttribute("suggestion", fairOffers.forCase(caseId));
        model.addAttribute("authority", reports.authorityOf(me));
        model.addAttribute("currency", settings.currency().getCurrencyCode());
        model.addAttribute("customerLink", remedies.stream().anyMatch(r -> r.state().equals("OFFERED"))
            ? links.linkFor(caseId).address()
            : null);
        model.addAttribute("noOffer", negotiation.whyNoOffer(caseId).orElse(null));
        model.addAttribute("done", done);
        model.addAttribute("error", error);
        return "remedies/card :: remedies";
    }

    private void requireOnCase(String number, long remedyId, RedressUser me) {
        if (desk.get(remedyId, me).caseId() != CaseManagement.idOf(number)) {
            throw new NotFound("There is no remedy " + remedyId + " on " + number + ".");
        }
    }
}
