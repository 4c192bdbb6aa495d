package org.redress.remedies;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.redress.identity.RedressUser;
import org.redress.shared.InvalidInput;
import org.springframework.stereotype.Component;

/**
 * The agent's answer to a customer's counter: accept what they asked (a new remedy for it,
 * agreed at once within the agent's authority, else after approval), or make a counter of
 * our own (a new offer for another amount, offered at once within authority, else once
 * approved). Either way the countered offer is settled, and the customer's words stay with
 * the remedy that answers them.
 */
@Component
class Counters {

    private final RemedyGuards guards;
    private final Proposals proposals;
    private final Granting granting;
    private final Negotiation negotiation;
    private final BusinessDay day;

    Counters(RemedyGuards guards, Proposals proposals, Granting granting, Negotiation negotiation, BusinessDay day) {
        this.guards = guards;
        this.proposals = proposals;
        this.granting = granting;
        this.negotiation = negotiation;
        this.day = day;
    }

    Remedy accept(long remedyId, RedressUser by, @Nullable LocalDate deliverBy) {
        LocalDate date = day.deliverBy(deliverBy);
        Remedy countered = guards.handled(remedyId, by, "remedy.counter-accepted");
        guards.supersede(countered, by.actor(), "accepted");
        Money asked = countered.counterAmount() == null ? countered.amount() : countered.counterAmount();
        return granting.grantOrRequest(countered.caseId(), by, proposals.existingType(countered.remedyType()), asked, null, null,
            countered.description(), new Remedy.CustomerAgreement(countered.customerNote(), date));
    }

    /**
     * Our own counter to the customer's: another amount for the same remedy. Within the
     * agent's authority it is offered to the customer at once (one message, one link);
     * beyond it, it waits for approval and is offered once approved.
     */
    Remedy counter(long remedyId, RedressUser by, @Nullable String amount, @Nullable LocalDate deliverBy) {
        LocalDate date = day.deliverBy(deliverBy);
        Remedy countered = guards.handled(remedyId, by, "remedy.countered-back");
        Money ours = Money.parse("amount", amount, countered.amount().currency());
        if (!ours.isPositive()) {
            throw InvalidInput.field("amount", "must be more than zero");
        }
        guards.supersede(countered, by.actor(), "answered");
        Remedy made = granting.grantOrRequest(countered.caseId(), by, proposals.existingType(countered.remedyType()), ours, null, null,
            countered.description(), null);
        if (made.state() != Remedy.State.APPROVED || made.id() == null) {
            return made;
        }
        negotiation.offer(made.id(), by, date);
        return guards.existing(made.id());
    }
}
