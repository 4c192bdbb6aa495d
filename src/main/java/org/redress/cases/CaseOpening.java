package org.redress.cases;

import java.time.Instant;
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
        RecoveryCase recoveryCase = RecoveryCase.open(customer.id(), complaint.channel(), complaint.category(),
            complaint.severity(), complaint.subject(), actor, now);
        records.insertOpened(recoveryCase, new CaseRecords.FirstMessage(complaint.channel(), customer.displayName(),
            complaint.subject(), complaint.message()), idempotencyKey);
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
