package org.redress.remedies;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.redress.cases.CaseAccess;
import org.redress.cases.CaseManagement;
import org.redress.cases.CaseStatus;
import org.redress.cases.CaseView;
import org.redress.identity.RedressUser;
import org.redress.shared.Checks;
import org.redress.shared.Conflict;
import org.redress.shared.Forbidden;
import org.redress.shared.InvalidInput;
import org.redress.shared.NotFound;
import org.redress.shared.Text;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agent's and approver's side of remedies: proposing (granted at once within the
 * proposer's authority, otherwise sent for approval), approving and rejecting, withdrawing,
 * answering a customer's counter, and recording fulfilment. Accepting a counter, or
 * approving one, concludes the agreement: the case's resolution ({@link AgreedRemedies}).
 */
@Service
@Transactional
public class RemedyDesk {

    /** A remedy as asked for: an amount, or for a percentage discount a percentage of a base amount. */
    public record Proposal(@Nullable String type, @Nullable String amount, @Nullable Integer percent,
                           @Nullable String baseAmount, @Nullable String currency, @Nullable String description) {}

    private final Remedies remedies;
    private final RemedyTypes types;
    private final AuthorityMatrix authority;
    private final CaseManagement cases;
    private final CaseAccess access;
    private final RemedyJournal journal;
    private final AgreedRemedies agreements;
    private final RemedySettings settings;
    private final Clock clock;
    private final ZoneId businessZone;

    RemedyDesk(Remedies remedies, RemedyTypes types, AuthorityMatrix authority, CaseManagement cases, CaseAccess access,
               RemedyJournal journal, AgreedRemedies agreements, RemedySettings settings, Clock clock, ZoneId businessZone) {
        this.access = access;
        this.agreements = agreements;
        this.businessZone = businessZone;
        this.remedies = remedies;
        this.types = types;
        this.authority = authority;
        this.cases = cases;
        this.journal = journal;
        this.settings = settings;
        this.clock = clock;
    }

    public RemedyView propose(long caseId, RedressUser by, Proposal proposal) {
        access.require(caseId, by.actor(), "remedy.granted");
        Checks checks = new Checks();
        RemedyType type = checks.check(() -> type(proposal.type()));
        checks.check(() -> currency(proposal.currency()));
        String description = checks.check(() -> Text.required("description", proposal.description(), 1_000).strip());
        checks.verify();
        Integer percent = type.kind() == RemedyType.Kind.DISCOUNT_PERCENT ? percent(proposal.percent()) : null;
        Money base = percent == null ? null : Money.parse("baseAmount", proposal.baseAmount(), settings.currency());
        Money amount = base != null ? base.percent(percent) : Money.parse("amount", proposal.amount(), settings.currency());
        if (!amount.isPositive() && type.kind() != RemedyType.Kind.DISCOUNT_PERCENT) {
            throw InvalidInput.field("amount", "must be more than zero");
        }
        requireOpen(caseId);
        return grantOrRequest(caseId, by, type, amount, percent, base, description, null);
    }

    public RemedyView approve(long remedyId, RedressUser approver, @Nullable String note) {
        String text = Text.optional("note", note, 1_000);
        Remedy remedy = lockedForDecision(remedyId, approver);
        requireOpen(remedy.caseId());
        Authority limits = authority.of(approver.id(), approver.role(), remedy.remedyType())
            .orElseThrow(() -> new Forbidden("You have no authority for this remedy type."));
        Authority.Verdict verdict = limits.check(remedy.amount(),
            authority.grantedOnCase(remedy.caseId(), remedy.remedyType()),
            authority.grantedThisMonth(approver.id(), remedy.remedyType()));
        if (!verdict.within()) {
            throw new Forbidden("This is beyond your own authority: " + String.join("; ", verdict.exceeded())
                + ". Someone with more authority must decide.");
        }
        if (remedy.customerAgreed()) {
            agreements.requireAgreeable(remedy.caseId());
        }
        Instant now = clock.instant();
        remedy.approve(approver.id(), approver.name(), text, now);
        if (remedy.customerAgreed()) {
            remedy.acceptedAlready(now, today());
        }
        Remedy saved = remedies.save(remedy);
        journal.record(saved, approver.actor(), "approved", "Remedy approved: " + journal.terms(saved)
            + (text == null ? "" : " — " + text));
        if (saved.state() == Remedy.State.ACCEPTED) {
            // Approving what the customer asked for concludes the agreement, as done by the approver.
            agreements.agreed(saved, approver.actor(), "the customer's proposal, approved by " + approver.name());
        }
        return view(saved);
    }

    public RemedyView reject(long remedyId, RedressUser approver, @Nullable String reason) {
        String text = Text.required("reason", reason, 1_000);
        Remedy remedy = lockedForDecision(remedyId, approver);
        remedy.reject(approver.id(), approver.name(), text, clock.instant());
        Remedy saved = remedies.save(remedy);
        journal.record(saved, approver.actor(), "rejected", "Remedy rejected: " + journal.terms(saved) + " — " + text);
        return view(saved);
    }

    public RemedyView withdraw(long remedyId, RedressUser by, @Nullable String reason) {
        String text = Text.optional("reason", reason, 1_000);
        Remedy remedy = handled(remedyId, by, "remedy.withdrawn");
        remedy.withdraw(text, clock.instant());
        Remedy saved = remedies.save(remedy);
        journal.record(saved, by.actor(), "withdrawn", "Remedy withdrawn: " + journal.terms(saved) + (text == null ? "" : " — " + text));
        return view(saved);
    }

    public RemedyView fulfil(long remedyId, RedressUser by, @Nullable String reference) {
        String ref = Text.required("reference", reference, 200).strip();
        Remedy remedy = handled(remedyId, by, "remedy.fulfilled");
        remedy.fulfil(ref, clock.instant());
        Remedy saved = remedies.save(remedy);
        journal.record(saved, by.actor(), "fulfilled", "Remedy fulfilled: " + journal.terms(saved) + " (reference " + ref + ")");
        return view(saved);
    }

    /**
     * Accepts the customer's counter: a new remedy for what they asked, granted within the
     * agent's authority (and then agreed at once) or sent for approval.
     */
    public RemedyView acceptCounter(long remedyId, RedressUser by, @Nullable LocalDate deliverBy) {
        if (deliverBy == null || deliverBy.isBefore(LocalDate.now(clock.withZone(businessZone)))) {
            throw InvalidInput.field("deliverBy", "is required: the date, today or later, by which we will deliver it");
        }
        Remedy countered = handled(remedyId, by, "remedy.counter-accepted");
        if (countered.state() != Remedy.State.COUNTERED) {
            throw new Conflict("This remedy is " + Remedy.label(countered.state()) + "; only a countered offer can be accepted.");
        }
        Money asked = countered.counterAmount() == null ? countered.amount() : countered.counterAmount();
        agreements.requireAgreeable(countered.caseId());
        countered.superseded(clock.instant());
        Remedy settled = remedies.save(countered);
        journal.record(settled, by.actor(), "superseded", "The customer's proposal answered with a new remedy: "
            + journal.terms(settled) + " is settled");
        RemedyType type = types.findById(countered.remedyType()).orElseThrow();
        String description = countered.customerNote() == null ? countered.description()
            : countered.description() + " (as the customer asked: " + countered.customerNote() + ")";
        return grantOrRequest(countered.caseId(), by, type, asked, null, null, description, deliverBy);
    }

    @Transactional(readOnly = true)
    public List<RemedyView> ofCase(long caseId) {
        cases.requireExists(caseId);
        return remedies.findByCaseIdOrderByIdAsc(caseId).stream().map(this::view).toList();
    }

    /** A remedy, for someone who may open its case. */
    @Transactional(readOnly = true)
    public RemedyView get(long remedyId, RedressUser reader) {
        Remedy remedy = existing(remedyId);
        access.require(remedy.caseId(), reader.actor(), "case.read");
        return view(remedy);
    }

    private RemedyView grantOrRequest(long caseId, RedressUser by, RemedyType type, Money amount, @Nullable Integer percent,
                                      @Nullable Money base, String description, @Nullable LocalDate agreedDeliverBy) {
        boolean customerAgreed = agreedDeliverBy != null;
        authority.lock(caseId, by.id());
        Authority.Verdict verdict = authority.of(by.id(), by.role(), type.code())
            .map(limits -> limits.check(amount, authority.grantedOnCase(caseId, type.code()),
                authority.grantedThisMonth(by.id(), type.code())))
            .orElse(new Authority.Verdict(false, List.of("you have no authority for " + type.label().toLowerCase(Locale.ROOT))));
        Instant now = clock.instant();
        Remedy remedy = remedies.save(Remedy.propose(caseId, type, amount, percent, base, description, by.id(), by.name(),
            verdict.within(), customerAgreed, agreedDeliverBy, now.plus(settings.approvalTarget()), now));
        if (verdict.within() && customerAgreed) {
            remedy.acceptedAlready(now, today());
            remedy = remedies.save(remedy);
        }
        journal.record(remedy, by.actor(), verdict.within() ? "granted" : "approval-requested", verdict.within()
            ? "Remedy granted: " + journal.terms(remedy)
            : "Approval requested for " + journal.terms(remedy) + ": " + String.join("; ", verdict.exceeded()));
        if (!verdict.within()) {
            journal.awaitsDecision(remedy, authority.approversFor(caseId, type.code(), amount, by.id()), false);
        } else if (customerAgreed) {
            agreements.agreed(remedy, by.actor(), "the customer's proposal, accepted");
        }
        return view(remedy);
    }

    private Remedy lockedForDecision(long remedyId, RedressUser approver) {
        Remedy unlocked = existing(remedyId);
        if (!approver.supervises()) {
            throw new Forbidden("Only leads, managers and admins decide on approval requests.");
        }
        if (unlocked.proposedById() != null && unlocked.proposedById() == approver.id()) {
            throw new Forbidden("Nobody approves their own request; another lead or manager must decide.");
        }
        authority.lock(unlocked.caseId(), approver.id());
        // Read again under the lock: a concurrent decision has been made by now, or will wait for this one.
        return existing(remedyId);
    }

    /**
     * The remedy, if this person may handle it: they may act on its case ({@link CaseAccess}),
     * and they proposed it, hold its case, or are a lead, manager or admin. Others may read
     * it, not change it.
     */
    Remedy handled(long remedyId, RedressUser by, String action) {
        Remedy remedy = existing(remedyId);
        access.require(remedy.caseId(), by.actor(), action);
        if (by.supervises() || (remedy.proposedById() != null && remedy.proposedById() == by.id())) {
            return remedy;
        }
        CaseView c = cases.view(remedy.caseId());
        if (c.assignee() != null && c.assignee().id() == by.id()) {
            return remedy;
        }
        throw new Forbidden("Only whoever proposed this remedy, whoever holds " + c.number()
            + ", or a lead or manager may change it.");
    }

    boolean isClosed(long caseId) {
        return cases.view(caseId).status() == CaseStatus.CLOSED;
    }

    void requireOpen(long caseId) {
        CaseView c = cases.view(caseId);
        if (c.status() == CaseStatus.CLOSED) {
            throw new Conflict(c.number() + " is closed; reopen it before offering a remedy.");
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(businessZone));
    }

    private RemedyType type(@Nullable String code) {
        String value = Text.required("type", code, 50).trim().toLowerCase(Locale.ROOT);
        return types.findById(value).filter(RemedyType::active).orElseThrow(() -> InvalidInput.field("type",
            "'" + value + "' is not a remedy type; use one of " + String.join(", ",
                types.findAllByOrderByLabelAsc().stream().filter(RemedyType::active).map(RemedyType::code).toList())));
    }

    private java.util.Currency currency(@Nullable String code) {
        if (code != null && !code.trim().equalsIgnoreCase(settings.currency().getCurrencyCode())) {
            throw InvalidInput.field("currency", "remedies are in " + settings.currency().getCurrencyCode() + ", not " + code.trim());
        }
        return settings.currency();
    }

    private static int percent(@Nullable Integer percent) {
        if (percent == null || percent < 1 || percent > 100) {
            throw InvalidInput.field("percent", "must be from 1 to 100 for a percentage discount");
        }
        return percent;
    }

    Remedy existing(long remedyId) {
        return remedies.findById(remedyId).orElseThrow(() -> new NotFound("There is no remedy " + remedyId + "."));
    }

    RemedyView view(Remedy remedy) {
        return RemedyView.of(remedy, journal.terms(remedy));
    }
}
