package org.redress.remedies;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.redress.cases.CaseManagement;
import org.redress.identity.RedressUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Remedies", description = "Remedies on cases: granted within authority or approved, offered, answered, fulfilled.")
class RemedyApiController {

    private static final String CASE = "Case number (`RC-000123`) or id.";
    private static final String REMEDY = "Remedy id.";

    private final RemedyDesk desk;
    private final Negotiation negotiation;
    private final RemedyReports reports;
    private final FairOffers fairOffers;

    RemedyApiController(RemedyDesk desk, Negotiation negotiation, RemedyReports reports, FairOffers fairOffers) {
        this.desk = desk;
        this.negotiation = negotiation;
        this.reports = reports;
        this.fairOffers = fairOffers;
    }

    @Schema(name = "RemedyProposal", description = "A remedy to give: an amount, or for a percentage discount a percentage of a base amount.")
    record ProposalRequest(
        @Schema(description = "Remedy type code.", requiredMode = Schema.RequiredMode.REQUIRED, example = "refund") @Nullable String type,
        @Schema(description = "Amount as a decimal string, e.g. \"49.90\"; not for percentage discounts.") @Nullable String amount,
        @Schema(description = "For a percentage discount: 1–100.") @Nullable Integer percent,
        @Schema(description = "For a percentage discount: the amount it is a share of, e.g. the order value.") @Nullable String baseAmount,
        @Schema(description = "Currency; must be the business currency (default EUR) if given.") @Nullable String currency,
        @Schema(description = "What it is for, in words.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String description) {}

    @PostMapping("/api/v1/cases/{case}/remedies")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Propose a remedy", description = "Granted at once (APPROVED) within your authority; otherwise "
        + "PENDING_APPROVAL, for a lead or manager with enough authority.")
    @ApiResponse(responseCode = "201", description = "Granted or sent for approval.")
    RemedyView propose(@Parameter(description = CASE) @PathVariable("case") String number, @RequestBody ProposalRequest body,
                       @AuthenticationPrincipal RedressUser me) {
        return desk.propose(CaseManagement.idOf(number), me, new RemedyDesk.Proposal(body.type(), body.amount(), body.percent(),
            body.baseAmount(), body.currency(), body.description()));
    }

    @GetMapping("/api/v1/cases/{case}/remedies")
    @Operation(summary = "Remedies on a case")
    List<RemedyView> ofCase(@Parameter(description = CASE) @PathVariable("case") String number) {
        return desk.ofCase(CaseManagement.idOf(number));
    }

    @GetMapping("/api/v1/cases/{case}/remedies/suggestion")
    @Operation(summary = "A fair offer for the case", description = "Policy range adjusted for responsibility, recurrence "
        + "and speed, with what similar closed cases received.")
    FairOffers.Suggestion suggestion(@Parameter(description = CASE) @PathVariable("case") String number) {
        return fairOffers.forCase(CaseManagement.idOf(number));
    }

    @GetMapping("/api/v1/remedies/{id}")
    @Operation(summary = "A remedy")
    RemedyView get(@Parameter(description = REMEDY) @PathVariable long id, @AuthenticationPrincipal RedressUser me) {
        return desk.get(id, me);
    }

    @Schema(name = "RemedyDecision", description = "A note with a decision; required when rejecting or withdrawing is explained.")
    record Decision(@Schema(description = "Note or reason.") @Nullable String note) {}

    @PostMapping("/api/v1/remedies/{id}/approve")
    @Operation(summary = "Approve a request", description = "Leads, managers and admins, within their own authority; never their own request.")
    RemedyView approve(@Parameter(description = REMEDY) @PathVariable long id, @RequestBody(required = false) @Nullable Decision body,
                       @AuthenticationPrincipal RedressUser me) {
        return desk.approve(id, me, body == null ? null : body.note());
    }

    @PostMapping("/api/v1/remedies/{id}/reject")
    @Operation(summary = "Reject a request", description = "With a reason (`note`).")
    RemedyView reject(@Parameter(description = REMEDY) @PathVariable long id, @RequestBody(required = false) @Nullable Decision body,
                      @AuthenticationPrincipal RedressUser me) {
        return desk.reject(id, me, body == null ? null : body.note());
    }

    @PostMapping("/api/v1/remedies/{id}/withdraw")
    @Operation(summary = "Withdraw a remedy not yet accepted")
    RemedyView withdraw(@Parameter(description = REMEDY) @PathVariable long id, @RequestBody(required = false) @Nullable Decision body,
                        @AuthenticationPrincipal RedressUser me) {
        return desk.withdraw(id, me, body == null ? null : body.note());
    }

    @Schema(name = "RemedyOfferRequest", description = "The date we will deliver the remedy by.")
    record OfferRequest(@Schema(description = "Date, today or later.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable LocalDate deliverBy) {}

    @Schema(name = "RemedyOffer", description = "The remedy offered, and the customer's link to answer it.")
    record OfferView(@Schema(description = "The remedy.") RemedyView remedy,
                     @Schema(description = "The customer page; send it to the customer only.") String customerLink) {}

    @PostMapping("/api/v1/remedies/{id}/offer")
    @Operation(summary = "Offer a granted remedy to the customer", description = "Returns the signed link to the customer page.")
    OfferView offer(@Parameter(description = REMEDY) @PathVariable long id, @RequestBody OfferRequest body,
                    @AuthenticationPrincipal RedressUser me) {
        Negotiation.Offer offer = negotiation.offer(id, me, body.deliverBy());
        return new OfferView(offer.remedy(), offer.customerLink());
    }

    @PostMapping("/api/v1/remedies/{id}/accept-counter")
    @Operation(summary = "Accept the customer's counter", description = "A new remedy for what they asked: agreed at once "
        + "within your authority, otherwise after approval.")
    RemedyView acceptCounter(@Parameter(description = REMEDY) @PathVariable long id, @RequestBody OfferRequest body,
                             @AuthenticationPrincipal RedressUser me) {
        return desk.acceptCounter(id, me, body.deliverBy());
    }

    @Schema(name = "RemedyCounterOffer", description = "Our answer to the customer's counter: another amount, and the date we deliver by.")
    record CounterOffer(@Schema(description = "The amount we offer, e.g. \"30.00\".", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String amount,
                        @Schema(description = "Date, today or later.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable LocalDate deliverBy) {}

    @PostMapping("/api/v1/remedies/{id}/counter")
    @Operation(summary = "Answer the customer's counter with our own", description = "A new remedy for our amount: within "
        + "your authority it is offered to the customer at once (one message with their link); beyond it, it waits for approval "
        + "and is offered once approved. The countered offer is settled either way.")
    RemedyView counterBack(@Parameter(description = REMEDY) @PathVariable long id, @RequestBody CounterOffer body,
                           @AuthenticationPrincipal RedressUser me) {
        return desk.counterBack(id, me, body.amount(), body.deliverBy());
    }

    @Schema(name = "RemedyFulfilment", description = "How the remedy was delivered.")
    record Fulfilment(@Schema(description = "Reference, e.g. the refund id.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String reference) {}

    @PostMapping("/api/v1/remedies/{id}/fulfil")
    @Operation(summary = "Record that an accepted remedy was delivered")
    RemedyView fulfil(@Parameter(description = REMEDY) @PathVariable long id, @RequestBody Fulfilment body,
                      @AuthenticationPrincipal RedressUser me) {
        return desk.fulfil(id, me, body.reference());
    }

    @GetMapping("/api/v1/remedies/approvals")
    @Operation(summary = "Requests waiting for your decision", description = "Empty for agents.")
    List<RemedyView> approvals(@AuthenticationPrincipal RedressUser me) {
        return reports.approvals(me);
    }

    @GetMapping("/api/v1/remedies/authority")
    @Operation(summary = "Your authority and this month's use of it")
    List<RemedyReports.AuthorityLine> authority(@AuthenticationPrincipal RedressUser me) {
        return reports.authorityOf(me);
    }
}
