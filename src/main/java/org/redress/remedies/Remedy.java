package org.redress.remedies;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.redress.shared.Conflict;
import org.redress.shared.Forbidden;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A remedy on a case and where it stands: proposed, then granted at once within the
 * proposer's authority or sent for approval; once approved it is offered to the customer,
 * who accepts, declines or counters; an accepted remedy is fulfilled (with a reference such
 * as the refund id). Until accepted it may be withdrawn. Each transition checks the state.
 */
@Table("remedies")
class Remedy {

    enum State {
        PENDING_APPROVAL, APPROVED, REJECTED, OFFERED, ACCEPTED, DECLINED, COUNTERED, FULFILLED, WITHDRAWN;

        /** States whose amount counts against authority: granted and not taken back. */
        static final Set<State> GRANTED = EnumSet.of(APPROVED, OFFERED, ACCEPTED, COUNTERED, FULFILLED);
    }

    private @Id @Nullable Long id;
    private final long caseId;
    private final String remedyType;
    private final long amountMinor;
    private final String currency;
    private final @Nullable Integer percent;
    private final @Nullable Long baseMinor;
    private final String description;
    private State state;
    // What it was before the last transition, for the event that reports it; not stored.
    @Transient
    private @Nullable State previousState;
    // Why its proposer could not grant it, for the approval request; not stored.
    @Transient
    private List<String> beyondAuthority = List.of();
    private final @Nullable Long proposedById;
    private final String proposedByName;
    private @Nullable Long grantedById;
    private @Nullable String grantedByName;
    private @Nullable Instant grantedAt;
    private @Nullable Instant approvalDueAt;
    private @Nullable String decisionNote;
    private boolean customerAgreed;
    private @Nullable LocalDate deliverBy;
    private @Nullable Instant offeredAt;
    private @Nullable Instant answeredAt;
    private @Nullable String customerNote;
    private @Nullable Long counterAmountMinor;
    private @Nullable String fulfilmentRef;
    private @Nullable Instant fulfilledAt;
    private final Instant createdAt;
    private Instant updatedAt;
    private @Version int version;

    @PersistenceCreator
    Remedy(@Nullable Long id, long caseId, String remedyType, long amountMinor, String currency, @Nullable Integer percent,
           @Nullable Long baseMinor, String description, State state, @Nullable Long proposedById, String proposedByName,
           @Nullable Long grantedById, @Nullable String grantedByName, @Nullable Instant grantedAt,
           @Nullable Instant approvalDueAt, @Nullable String decisionNote, boolean customerAgreed, @Nullable LocalDate deliverBy,
           @Nullable Instant offeredAt, @Nullable Instant answeredAt, @Nullable String customerNote,
           @Nullable Long counterAmountMinor, @Nullable String fulfilmentRef, @Nullable Instant fulfilledAt,
           Instant createdAt, Instant updatedAt, int version) {
        this.id = id;
        this.caseId = caseId;
        this.remedyType = remedyType;
        this.amountMinor = amountMinor;
        this.currency = currency;
        this.percent = percent;
        this.baseMinor = baseMinor;
        this.description = description;
        this.state = state;
        this.proposedById = proposedById;
        this.proposedByName = proposedByName;
        this.grantedById = grantedById;
        this.grantedByName = grantedByName;
        this.grantedAt = grantedAt;
        this.approvalDueAt = approvalDueAt;
        this.decisionNote = decisionNote;
        this.customerAgreed = customerAgreed;
        this.deliverBy = deliverBy;
        this.offeredAt = offeredAt;
        this.answeredAt = answeredAt;
        this.customerNote = customerNote;
        this.counterAmountMinor = counterAmountMinor;
        this.fulfilmentRef = fulfilmentRef;
        this.fulfilledAt = fulfilledAt;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.version = version;
    }

    /**
     * A new remedy: granted by its proposer when their entitlement covers it, otherwise
     * waiting for approval. {@code customerAgreement} is the customer's own proposal it
     * answers (their note, and the date we deliver by), when it is one: it is then agreed as
     * soon as it is granted.
     */
    static Remedy propose(long caseId, RemedyType type, Money amount, @Nullable Integer percent, @Nullable Money base,
                          String description, long proposerId, String proposerName, Entitlement proposer,
                          @Nullable CustomerAgreement customerAgreement, Instant approvalDue, Instant now) {
        Authority.Verdict verdict = proposer.verdictFor(amount);
        boolean agreed = customerAgreement != null;
        Remedy remedy = new Remedy(null, caseId, type.code(), amount.minor(), amount.currency().getCurrencyCode(), percent,
            base == null ? null : base.minor(), description, verdict.within() ? State.APPROVED : State.PENDING_APPROVAL,
            proposerId, proposerName, null, null, null, verdict.within() ? null : approvalDue, null, agreed,
            agreed ? customerAgreement.deliverBy() : null, null, null, agreed ? customerAgreement.note() : null, null, null, null,
            now, now, 0);
        remedy.beyondAuthority = List.copyOf(verdict.exceeded());
        if (verdict.within()) {
            remedy.grant(proposerId, proposerName, now);
        }
        return remedy;
    }

    /** The customer's own proposal a remedy answers: what they wrote, and the date we deliver by. */
    record CustomerAgreement(@Nullable String note, LocalDate deliverBy) {}

    /** Approved, if the approver's own entitlement covers it; otherwise someone with more authority must decide. */
    void approve(long approverId, String approverName, Entitlement approver, @Nullable String note, Instant now) {
        require(State.PENDING_APPROVAL, "approved");
        Authority.Verdict verdict = approver.verdictFor(amount());
        if (!verdict.within()) {
            throw new Forbidden("This is beyond your own authority: " + String.join("; ", verdict.exceeded())
                + ". Someone with more authority must decide.");
        }
        this.previousState = state;
        this.state = State.APPROVED;
        this.decisionNote = note;
        grant(approverId, approverName, now);
    }

    void reject(long approverId, String approverName, String reason, Instant now) {
        require(State.PENDING_APPROVAL, "rejected");
        this.previousState = state;
        this.state = State.REJECTED;
        this.grantedById = approverId;
        this.grantedByName = approverName;
        this.decisionNote = reason;
        this.updatedAt = now;
    }

    void offer(LocalDate deliverBy, Instant now) {
        require(State.APPROVED, "offered");
        this.previousState = state;
        this.state = State.OFFERED;
        this.deliverBy = deliverBy;
        this.offeredAt = now;
        this.updatedAt = now;
    }

    void accept(@Nullable String note, Instant now, LocalDate today) {
        require(State.OFFERED, "accepted");
        this.previousState = state;
        this.state = State.ACCEPTED;
        agreedFrom(today);
        this.customerNote = note;
        this.answeredAt = now;
        this.updatedAt = now;
    }

    void decline(@Nullable String note, Instant now) {
        require(State.OFFERED, "declined");
        this.previousState = state;
        this.state = State.DECLINED;
        this.customerNote = note;
        this.answeredAt = now;
        this.updatedAt = now;
    }

    void counter(@Nullable Money amount, @Nullable String note, Instant now) {
        require(State.OFFERED, "countered");
        this.previousState = state;
        this.state = State.COUNTERED;
        this.counterAmountMinor = amount == null ? null : amount.minor();
        this.customerNote = note;
        this.answeredAt = now;
        this.updatedAt = now;
    }

    /** The counter was answered with a new remedy: this one is settled. */
    void superseded(Instant now) {
        require(State.COUNTERED, "answered");
        this.previousState = state;
        this.state = State.WITHDRAWN;
        this.updatedAt = now;
    }

    /** A remedy approved with the customer's agreement already given (their own counter) is accepted at once. */
    void acceptedAlready(Instant now, LocalDate today) {
        require(State.APPROVED, "accepted");
        this.previousState = state;
        this.state = State.ACCEPTED;
        agreedFrom(today);
        this.answeredAt = now;
        this.updatedAt = now;
    }

    void fulfil(String reference, Instant now) {
        require(State.ACCEPTED, "fulfilled");
        this.previousState = state;
        this.state = State.FULFILLED;
        this.fulfilmentRef = reference;
        this.fulfilledAt = now;
        this.updatedAt = now;
    }

    void withdraw(@Nullable String reason, Instant now) {
        if (!EnumSet.of(State.PENDING_APPROVAL, State.APPROVED, State.OFFERED, State.COUNTERED).contains(state)) {
            throw new Conflict("This remedy is " + label(state) + "; only one not yet accepted can be withdrawn.");
        }
        this.previousState = state;
        this.state = State.WITHDRAWN;
        this.decisionNote = reason;
        this.updatedAt = now;
    }

    // Agreed after the date it named (a late answer, a slow approval): nothing can be
    // delivered in the past, so it is due from the day it is agreed.
    private void agreedFrom(LocalDate today) {
        if (deliverBy != null && deliverBy.isBefore(today)) {
            this.deliverBy = today;
        }
    }

    private void grant(long byId, String byName, Instant now) {
        this.grantedById = byId;
        this.grantedByName = byName;
        this.grantedAt = now;
        this.approvalDueAt = null;
        this.updatedAt = now;
    }

    private void require(State expected, String verb) {
        if (state != expected) {
            throw new Conflict("This remedy is " + label(state) + ", so it cannot be " + verb + ".");
        }
    }

    static String label(State state) {
        return state.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    Money amount() {
        return new Money(amountMinor, Currency.getInstance(currency));
    }

    @Nullable Money counterAmount() {
        return counterAmountMinor == null ? null : new Money(counterAmountMinor, Currency.getInstance(currency));
    }

    @Nullable Long id() { return id; }
    long caseId() { return caseId; }
    String remedyType() { return remedyType; }
    @Nullable Integer percent() { return percent; }
    @Nullable Long baseMinor() { return baseMinor; }
    String description() { return description; }
    State state() { return state; }
    @Nullable State previousState() { return previousState; }
    List<String> beyondAuthority() { return beyondAuthority; }
    @Nullable Long proposedById() { return proposedById; }
    String proposedByName() { return proposedByName; }
    @Nullable Long grantedById() { return grantedById; }
    @Nullable String grantedByName() { return grantedByName; }
    @Nullable Instant grantedAt() { return grantedAt; }
    @Nullable Instant approvalDueAt() { return approvalDueAt; }
    @Nullable String decisionNote() { return decisionNote; }
    boolean customerAgreed() { return customerAgreed; }
    @Nullable LocalDate deliverBy() { return deliverBy; }
    @Nullable Instant offeredAt() { return offeredAt; }
    @Nullable Instant answeredAt() { return answeredAt; }
    @Nullable String customerNote() { return customerNote; }
    @Nullable String fulfilmentRef() { return fulfilmentRef; }
    @Nullable Instant fulfilledAt() { return fulfilledAt; }
    Instant createdAt() { return createdAt; }
    Instant updatedAt() { return updatedAt; }
}
