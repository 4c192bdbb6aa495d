package org.redress.demo;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.redress.cases.Channel;

/**
 * One closed case of the demo's past, as it happened: who handled it, when each playbook
 * step was done (none where it never was), what was agreed and how it ended. Planned by
 * {@link PastCases}, written by {@link PastCaseRecords}; the case's id is set once stored.
 */
final class PastCase {

    /** Someone on the staff. */
    record Person(long id, String name) {}

    /**
     * A remedy as it went: within the agent's authority it was granted at once; above it, it
     * waited for the lead, who granted it or refused it (the agent then granted what they may).
     */
    record Remedy(String type, String label, long amountMinor, Instant proposedAt, @Nullable Person approver,
                  @Nullable Instant decidedAt, @Nullable Long refusedMinor, Instant grantedAt, Instant offeredAt,
                  Instant answeredAt, boolean accepted) {

        String terms() {
            return label + " of " + amountMinor / 100 + "." + String.format("%02d", amountMinor % 100) + " EUR: "
                + description();
        }

        String description() {
            return switch (type) {
                case "refund" -> "refund to the original payment method";
                case "credit" -> "credit on the customer's account";
                case "replacement" -> "replacement sent by express, free of charge";
                default -> "a thank-you gift for the trouble";
            };
        }
    }

    /** The action a lesson named, and what became of it. */
    record Action(String what, Person owner, LocalDate due, String status, @Nullable Instant settledAt,
                  @Nullable String settledNote) {}

    long id;
    final PastCustomer customer;
    final PastTeam team;
    final Person agent;
    final Channel channel;
    final String category;
    final int severity;
    final PastCause cause;
    final String subject;
    final String words;
    final Instant openedAt;

    // Spam or not a complaint: closed without a recovery to judge.
    @Nullable String closeReason;
    @Nullable Instant acknowledgedAt;
    @Nullable Instant listenedAt;
    @Nullable Instant apologizedAt;
    @Nullable Instant causeFoundAt;
    @Nullable String responsibility;
    @Nullable Instant explainedAt;
    @Nullable Remedy remedy;
    @Nullable String resolution;
    @Nullable Instant agreedAt;
    @Nullable LocalDate deliverBy;
    @Nullable Instant fulfilledAt;
    @Nullable Instant surveySentAt;
    @Nullable Instant surveyAnsweredAt;
    @Nullable Integer surveyScore;
    @Nullable String surveyComment;
    @Nullable Instant followedUpAt;
    @Nullable Instant learntAt;
    @Nullable Action action;
    // The customer said in the survey it was not put right: the resolution was reopened, then the case closed.
    boolean reopened;
    @Nullable String outcome;
    @Nullable String closeNote;
    Instant closedAt;

    PastCase(PastCustomer customer, PastTeam team, Person agent, Channel channel, int severity, PastCause cause,
             String[] complaint, Instant openedAt) {
        this.customer = customer;
        this.team = team;
        this.agent = agent;
        this.channel = channel;
        this.category = cause.category();
        this.severity = severity;
        this.cause = cause;
        this.subject = complaint[0];
        this.words = complaint[1];
        this.openedAt = openedAt;
        this.closedAt = openedAt;
    }

    boolean recovered() {
        return "RECOVERED".equals(outcome);
    }

    /**
     * Whether the promise due then was broken: the promises sweep (every 30 s) breaks a promise
     * still open past its due time, so one delivered a few seconds late was kept late.
     */
    boolean promiseBroken(Instant due) {
        return fulfilledAt == null || fulfilledAt.isAfter(due.plus(PastCases.SWEEP));
    }
}
