package org.redress.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.redress.audit.AuditTrail;
import org.redress.shared.Actor;
import org.redress.shared.InvalidInput;
import org.redress.shared.NotFound;
import org.redress.shared.Text;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closing a case as a duplicate merges it into the case it repeats, in one transaction: the
 * messages and timeline move here, and {@link CasesMerged} lets each other module move its
 * own rows (open promises, remedies not yet final, sent mail and inbound mail) before the
 * commit. The merged case stays as a closed stub pointing at the other; the customer's link
 * to it opens the other. The actor must be allowed to act on both cases (ADR 8).
 */
@Component
@Transactional
class CaseMerging {

    private final Cases cases;
    private final CaseRecords records;
    private final CaseViews views;
    private final CaseAccess access;
    private final AuditTrail audit;
    private final Clock clock;

    CaseMerging(Cases cases, CaseRecords records, CaseViews views, CaseAccess access, AuditTrail audit, Clock clock) {
        this.cases = cases;
        this.records = records;
        this.views = views;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    CaseView merge(long fromCaseId, Actor actor, @Nullable String intoNumber, @Nullable String note) {
        RecoveryCase from = load(fromCaseId);
        RecoveryCase into = original(intoNumber);
        access.require(fromCaseId, from.teamId(), from.assigneeId(), actor, "case.closed");
        access.require(into.id(), into.teamId(), into.assigneeId(), actor, "case.merged");
        Instant now = clock.instant();

        CaseRefiled fromFiled = from.filing();
        CaseRefiled intoFiled = into.filing();
        from.mergeInto(actor, now, into, note, records.customerLastWroteAt(fromCaseId));
        into.merged(from, actor, now);
        from.announceRefiling(fromFiled);
        into.announceRefiling(intoFiled);
        // The merged case's own history goes first, so its stub keeps only the line of its closing.
        records.moveInto(fromCaseId, into.id());
        List<RecoveryCase.Happening> closing = from.drainHappenings();
        List<RecoveryCase.Happening> merged = into.drainHappenings();
        records.append(fromCaseId, closing);
        records.append(into.id(), merged);
        cases.save(into);
        // Saving publishes CaseClosed (the clocks stop) and CasesMerged (the other modules move their rows).
        RecoveryCase saved = cases.save(from);

        closing.forEach(line -> audit.record(actor, "case.closed", "case:" + from.number(), line.summary()));
        merged.forEach(line -> audit.record(actor, "case.merged", "case:" + into.number(), line.summary()));
        return views.of(saved);
    }

    /**
     * The case that now answers for {@code caseId}: itself, or, for a merged case, the case it
     * was merged into. A link to a merged case (the customer's page) opens that one.
     */
    @Transactional(readOnly = true)
    long survivorOf(long caseId) {
        long current = caseId;
        // Merges into a merged case are refused, so one step is the rule; the bound guards old data.
        for (int step = 0; step < 10; step++) {
            RecoveryCase c = cases.load(current).orElse(null);
            if (c == null || !c.mergedAway()) {
                return current;
            }
            Long into = c.duplicateOf();
            if (into == null) {
                return current;
            }
            current = into;
        }
        return current;
    }

    private RecoveryCase original(@Nullable String number) {
        String text = Text.optional("duplicateOf", number, 40);
        if (text == null) {
            throw InvalidInput.field("duplicateOf", "is required when a case is closed as a duplicate: the case it repeats");
        }
        return CaseNumber.parse(text.trim()).flatMap(cases::findById)
            .orElseThrow(() -> InvalidInput.field("duplicateOf", "there is no case " + text.trim()));
    }

    private RecoveryCase load(long caseId) {
        return cases.load(caseId)
            .orElseThrow(() -> new NotFound("There is no case " + CaseNumber.format(caseId) + "."));
    }
}
