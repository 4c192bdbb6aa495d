package org.redress.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The remedies of the past cases as the remedies module keeps them (granted at once within
 * the agent's authority, else after the lead's decision; a refused ask followed by what the
 * agent may grant; offered, then accepted and fulfilled, or declined), and the promise each
 * agreed resolution made as the promises module keeps it: kept when delivered by its day,
 * broken by the sweep when not.
 */
final class PastRemedies {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);
    private static final String CUSTOMER = "The customer";

    private final JdbcClient jdbc;
    private final PastTimeline timeline;
    private final ZoneId zone;

    PastRemedies(JdbcClient jdbc, PastTimeline timeline, ZoneId zone) {
        this.jdbc = jdbc;
        this.timeline = timeline;
        this.zone = zone;
    }

    void write(List<PastCase> cases) {
        Rows remedies = new Rows(jdbc, "remedies", "case_id, remedy_type, amount_minor, currency, description, state, "
            + "proposed_by_id, proposed_by_name, granted_by_id, granted_by_name, granted_at, approval_due_at, decision_note, "
            + "customer_agreed, deliver_by, offered_at, answered_at, customer_note, fulfilment_ref, fulfilled_at, created_at, "
            + "updated_at, version");
        List<PastCase> remedied = new ArrayList<>();
        for (PastCase c : cases) {
            PastCase.Remedy remedy = c.remedy;
            if (remedy == null) {
                continue;
            }
            PastCase.Person agent = c.agent;
            if (remedy.refusedMinor() != null) {
                PastCase.Remedy asked = new PastCase.Remedy(remedy.type(), remedy.label(), remedy.refusedMinor(),
                    remedy.proposedAt(), remedy.approver(), remedy.decidedAt(), null, remedy.proposedAt(), remedy.offeredAt(),
                    remedy.answeredAt(), false);
                remedies.add(c.id, remedy.type(), remedy.refusedMinor(), "EUR", remedy.description(), "REJECTED", agent.id(),
                    agent.name(), null, null, null, remedy.proposedAt().plus(Duration.ofHours(4)),
                    "More than this case calls for: offer what you may.", false, null, null, null, null, null, null,
                    remedy.proposedAt(), remedy.decidedAt(), 2);
                timeline.add(c, remedy.proposedAt(), agent, "remedy.approval-requested", "Approval requested: " + asked.terms()
                    + " (" + agent.name() + ")");
                timeline.add(c, remedy.decidedAt(), remedy.approver(), "remedy.rejected", "Remedy rejected: " + asked.terms()
                    + " — More than this case calls for: offer what you may. (" + remedy.approver().name() + ")");
            }
            boolean approved = remedy.approver() != null && remedy.refusedMinor() == null;
            PastCase.Person granter = approved ? remedy.approver() : agent;
            Instant created = remedy.refusedMinor() != null ? remedy.grantedAt() : remedy.proposedAt();
            Instant updated = remedy.accepted() ? c.fulfilledAt : remedy.answeredAt();
            remedies.add(c.id, remedy.type(), remedy.amountMinor(), "EUR", remedy.description(),
                remedy.accepted() ? "FULFILLED" : "DECLINED", agent.id(), agent.name(), granter.id(), granter.name(),
                remedy.grantedAt(), approved ? remedy.proposedAt().plus(Duration.ofHours(4)) : null,
                approved ? "Fair for what happened." : null, remedy.accepted(),
                c.deliverBy != null ? c.deliverBy : remedy.offeredAt().atZone(zone).toLocalDate().plusDays(3), remedy.offeredAt(),
                remedy.answeredAt(), remedy.accepted() ? null : "It does not make up for it.",
                remedy.accepted() ? "R-" + (20_000 + c.id) : null, remedy.accepted() ? c.fulfilledAt : null, created, updated,
                remedy.accepted() ? 5 : 4);
            remedied.add(c);
            journal(c, remedy, approved, granter);
        }
        List<Long> ids = remedies.writeReturningIds();
        // The granted remedy is each case's last row: its id is what the promise stands on.
        List<Long> granted = new ArrayList<>();
        for (int i = 0, row = 0; i < remedied.size(); i++) {
            row += remedied.get(i).remedy.refusedMinor() != null ? 2 : 1;
            granted.add(ids.get(row - 1));
        }
        promises(cases, remedied, granted);
    }

    private void journal(PastCase c, PastCase.Remedy remedy, boolean approved, PastCase.Person granter) {
        String terms = remedy.terms();
        if (approved) {
            timeline.add(c, remedy.proposedAt(), c.agent, "remedy.approval-requested", "Approval requested: " + terms + " ("
                + c.agent.name() + ")");
            timeline.add(c, remedy.grantedAt(), granter, "remedy.approved", "Remedy approved: " + terms + " — Fair for what "
                + "happened. (" + granter.name() + ")");
        } else {
            timeline.add(c, remedy.grantedAt(), granter, "remedy.granted", "Remedy granted: " + terms + " (" + granter.name() + ")");
        }
        timeline.add(c, remedy.offeredAt(), c.agent, "remedy.offered", "Offered to the customer: " + terms + " (" + c.agent.name() + ")");
        if (remedy.accepted()) {
            timeline.add(c, remedy.answeredAt(), null, CUSTOMER, "remedy.accepted", "The customer accepted: " + terms
                + ", to be delivered by " + c.deliverBy);
            timeline.add(c, c.fulfilledAt, c.agent, "remedy.fulfilled", "Remedy fulfilled: " + terms + " (reference R-"
                + (20_000 + c.id) + ") (" + c.agent.name() + ")");
        } else {
            timeline.add(c, remedy.answeredAt(), null, CUSTOMER, "remedy.declined", "The customer declined: " + terms
                + " — \"It does not make up for it.\"");
        }
    }

    private void promises(List<PastCase> cases, List<PastCase> remedied, List<Long> remedyIds) {
        Rows promises = new Rows(jdbc, "promises", "case_id, description, source, due_at, owner_id, owner_name, status, made_at, "
            + "made_by_name, settled_at, note, reference, version");
        for (PastCase c : cases) {
            if (c.agreedAt == null) {
                continue;
            }
            int index = remedied.indexOf(c);
            String what = "Deliver: " + c.resolution;
            Instant due = DemoHistory.endOf(c.deliverBy, zone);
            boolean broken = c.promiseBroken(due);
            Instant settled = broken ? due.plus(PastCases.SWEEP) : c.fulfilledAt;
            promises.add(c.id, what, index >= 0 ? "REMEDY" : "RESOLUTION", due, c.agent.id(), c.agent.name(),
                broken ? "BROKEN" : "KEPT", c.agreedAt, index >= 0 ? PastTimeline.SYSTEM : c.agent.name(), settled,
                broken ? "Not kept by its due time" : index >= 0 ? "The remedy was delivered" : "The resolution was fulfilled",
                index >= 0 ? "remedy:" + remedyIds.get(index) : null, 1);
            timeline.add(c, c.agreedAt, null, "promise.made", "Promise made: " + what + ", due " + WHEN.withZone(zone).format(due)
                + " (owner " + c.agent.name() + ")");
            timeline.add(c, settled, null, broken ? "promise.broken" : "promise.kept", broken
                ? "Promise broken: " + what + " was due " + WHEN.withZone(zone).format(due) + " (owner " + c.agent.name() + ")"
                : "Promise kept: " + what);
        }
        promises.write();
    }
}
