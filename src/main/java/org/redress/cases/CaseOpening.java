package org.redress.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.redress.audit.AuditTrail;
import org.redress.customers.CustomerView;
import org.jspecify.annotations.Nullable;
import org.redress.shared.Actor;
import org.redress.shared.Conflict;
import org.redress.shared.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** What intake does with a checked complaint: open a case, or add it to the customer's open one. */
@Component
class CaseOpening {

    private final Cases cases;
    private final CaseRecords records;
    private final CaseViews views;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    CaseOpening(Cases cases, CaseRecords records, CaseViews views, AuditTrail audit, ApplicationEventPublisher events) {
        this.cases = cases;
        this.records = records;
        this.views = views;
        this.audit = audit;
        this.events = events;
    }

    /** Opens a case for the complaint; {@code idempotencyKey} (null for none) is linked to it. */
    Intake.Received open(CheckedComplaint complaint, CustomerView customer, Actor actor, Instant now,
                         @Nullable String idempotencyKey) {
        RecoveryCase recoveryCase = opened(complaint, customer, actor, now);
        records.insertOpened(recoveryCase, firstMessage(complaint, customer), idempotencyKey);
        return announce(recoveryCase, complaint, customer, actor, now);
    }

    /** A complaint from a customer intake has just created (so one with no case yet), and its idempotency key. */
    record FirstComplaint(CheckedComplaint complaint, CustomerView customer, Actor actor, @Nullable String key) {}

    /** Opens a case for each of these complaints, stored together (PostgreSQL); each from another customer. */
    List<Intake.Received> openAll(List<FirstComplaint> complaints, Instant now) {
        List<RecoveryCase> opened = complaints.stream()
            .map(first -> opened(first.complaint(), first.customer(), first.actor(), now)).toList();
        records.insertOpenedAll(opened, complaints.stream().map(first -> firstMessage(first.complaint(), first.customer())).toList(),
            complaints.stream().map(FirstComplaint::key).toList());
        List<Intake.Received> answers = new ArrayList<>(complaints.size());
        for (int i = 0; i < complaints.size(); i++) {
            FirstComplaint first = complaints.get(i);
            answers.add(announce(opened.get(i), first.complaint(), first.customer(), first.actor(), now));
        }
        return answers;
    }

    private static RecoveryCase opened(CheckedComplaint complaint, CustomerView customer, Actor actor, Instant now) {
        return RecoveryCase.open(customer.id(), complaint.channel(), complaint.category(), complaint.severity(),
            complaint.subject(), actor, now);
    }

    private static CaseRecords.FirstMessage firstMessage(CheckedComplaint complaint, CustomerView customer) {
        return new CaseRecords.FirstMessage(complaint.channel(), customer.displayName(), complaint.subject(), complaint.message());
    }

    // What follows a case's opening once it is stored: its audit line, its event, the answer.
    private Intake.Received announce(RecoveryCase recoveryCase, CheckedComplaint complaint, CustomerView customer, Actor actor,
                                     Instant now) {
        long caseId = recoveryCase.id();
        audit.record(actor, "case.opened", "case:" + CaseNumber.format(caseId), complaint.subject());
        events.publishEvent(new CaseOpened(caseId, customer.id(), customer.tier(), complaint.channel(), complaint.category(),
            complaint.severity(), now));
        return new Intake.Received(views.of(recoveryCase, customer), Intake.Result.OPENED);
    }

    // The open case is not rewritten: a message and a timeline line are appended, so a
    // complaint arriving while an agent works on the case never collides with their change.
    Intake.Received join(long caseId, CheckedComplaint complaint, CustomerView customer, Actor actor, Instant now) {
        records.append(caseId, List.of(new RecoveryCase.Happening(now, actor, "message", "The customer wrote again via "
            + complaint.channel().label().toLowerCase(Locale.ROOT) + "; the message joined this open case", false)));
        records.addInboundMessage(caseId, complaint.channel(), customer.displayName(), complaint.subject(),
            complaint.message(), now);
        records.touch(caseId, now);
        audit.record(actor, "case.message-added", "case:" + CaseNumber.format(caseId), complaint.subject());
        events.publishEvent(new CustomerWrote(caseId, now));
        return new Intake.Received(views.of(cases.load(caseId).orElseThrow(), customer), Intake.Result.JOINED);
    }

    void reply(long caseId, Channel channel, String author, @Nullable String subject, String body, Instant now) {
        RecoveryCase recoveryCase = cases.load(caseId)
            .orElseThrow(() -> new NotFound("There is no case " + CaseNumber.format(caseId) + "."));
        if (!recoveryCase.status().open()) {
            throw new Conflict(CaseNumber.format(caseId) + " is closed.");
        }
        records.append(caseId, List.of(new RecoveryCase.Happening(now, Actor.SYSTEM, "message", "The customer wrote again via "
            + channel.label().toLowerCase(Locale.ROOT) + (subject == null ? "" : ": " + subject), false)));
        records.addInboundMessage(caseId, channel, author, subject, body, now);
        records.touch(caseId, now);
        audit.record(Actor.SYSTEM, "case.message-added", "case:" + CaseNumber.format(caseId), subject);
        events.publishEvent(new CustomerWrote(caseId, now));
    }

    Intake.Received replay(long caseId) {
        return new Intake.Received(views.of(cases.load(caseId).orElseThrow()), Intake.Result.REPLAYED);
    }

    Optional<Long> openCaseOf(long customerId, String category) {
        return records.openCaseOf(customerId, category);
    }
}
