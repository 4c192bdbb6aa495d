package org.redress.remedies;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;
import org.redress.identity.RedressUser;
import org.redress.links.CaseLinks;
import org.redress.shared.Actor;
import org.redress.shared.Conflict;
import org.redress.shared.InvalidInput;
import org.redress.shared.NotFound;
import org.redress.shared.Text;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Offers between agent and customer: the agent offers a granted remedy with the date we
 * will deliver it, once the customer is acknowledged and heard, and gets the customer's link
 * (each offer issues one, which the case's messages then name); the customer, through that
 * link, accepts, declines or counters (another amount, or their own words). Each answer is on
 * the timeline; an acceptance is the case's agreed resolution.
 */
@Service
@Transactional
public class Negotiation {

    /** An offer made: the remedy, and the link to send to the customer (its token, and the full address). */
    public record Offer(RemedyView remedy, String customerToken, String customerLink) {}

    private final RemedyGuards guards;
    private final AgreedRemedies agreements;
    private final Remedies remedies;
    private final CaseLinks links;
    private final RemedyJournal journal;
    private final RemedySettings settings;
    private final Clock clock;
    private final ZoneId businessZone;

    Negotiation(RemedyGuards guards, AgreedRemedies agreements, Remedies remedies, CaseLinks links, RemedyJournal journal,
                RemedySettings settings, Clock clock, ZoneId businessZone) {
        this.guards = guards;
        this.agreements = agreements;
        this.remedies = remedies;
        this.links = links;
        this.journal = journal;
        this.settings = settings;
        this.clock = clock;
        this.businessZone = businessZone;
    }

    public Offer offer(long remedyId, RedressUser by, @Nullable LocalDate deliverBy) {
        if (deliverBy == null || deliverBy.isBefore(LocalDate.now(clock.withZone(businessZone)))) {
            throw InvalidInput.field("deliverBy", "is required: the date, today or later, by which we will deliver it");
        }
        Remedy remedy = guards.handled(remedyId, by, "remedy.offered");
        agreements.requireAgreeable(remedy.caseId());
        Instant now = clock.instant();
        remedy.offer(deliverBy, now);
        // Issued before saving: the offer's update to the customer (sent as it is saved) names this link.
        CaseLinks.CaseLink link = links.issue(remedy.caseId());
        Remedy saved = remedies.save(remedy);
        journal.record(saved, by.actor(), "offered", "Offered to the customer: " + journal.terms(saved) + ", by " + deliverBy);
        return new Offer(guards.view(saved), link.token(), link.address());
    }

    /** Why no offer can be made on the case now (the customer not yet heard, the resolution delivered), if so. */
    @Transactional(readOnly = true)
    public java.util.Optional<String> whyNoOffer(long caseId) {
        return agreements.whyNotAgreeable(caseId);
    }

    public RemedyView accept(long caseId, long remedyId, @Nullable String note) {
        Remedy remedy = offered(caseId, remedyId);
        remedy.accept(Text.optional("note", note, 2_000), clock.instant(), LocalDate.now(clock.withZone(businessZone)));
        Remedy saved = remedies.save(remedy);
        journal.record(saved, customer(), "accepted", "The customer accepted: " + journal.terms(saved) + ", to be delivered by "
            + saved.deliverBy());
        agreements.agreed(saved, Actor.SYSTEM, "the customer accepted our offer");
        return guards.view(saved);
    }

    public RemedyView decline(long caseId, long remedyId, @Nullable String note) {
        Remedy remedy = offered(caseId, remedyId);
        remedy.decline(Text.optional("note", note, 2_000), clock.instant());
        Remedy saved = remedies.save(remedy);
        journal.record(saved, customer(), "declined", "The customer declined: " + journal.terms(saved)
            + (saved.customerNote() == null ? "" : " — \"" + saved.customerNote() + "\""));
        return guards.view(saved);
    }

    public RemedyView counter(long caseId, long remedyId, @Nullable String amount, @Nullable String note) {
        Money asked = amount == null || amount.isBlank() ? null : Money.parse("amount", amount, settings.currency());
        String words = Text.optional("note", note, 2_000);
        if (asked == null && words == null) {
            throw InvalidInput.field("note", "say what you would prefer: another amount, or in your own words");
        }
        Remedy remedy = offered(caseId, remedyId);
        remedy.counter(asked, words, clock.instant());
        Remedy saved = remedies.save(remedy);
        journal.record(saved, customer(), "countered", "The customer countered " + journal.terms(saved) + ": "
            + (asked == null ? "" : "asks for " + asked + (words == null ? "" : ", ")) + (words == null ? "" : "\"" + words + "\""));
        return guards.view(saved);
    }

    private Remedy offered(long caseId, long remedyId) {
        Remedy remedy = guards.existing(remedyId);
        if (remedy.caseId() != caseId) {
            // Another case's remedy does not exist as far as this link is concerned.
            throw new NotFound("There is no such offer.");
        }
        if (guards.isClosed(caseId)) {
            throw new Conflict("This case is closed, so the offer can no longer be answered. Reply to our last message "
                + "if something is still not right.");
        }
        return remedy;
    }

    private static Actor customer() {
        return new Actor(null, "Customer");
    }
}
