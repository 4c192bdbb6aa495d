package org.redress.remedies;

import java.util.List;

import org.redress.cases.CasesMerged;
import org.redress.shared.Conflict;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A merged case's remedies that are not final (awaiting approval, approved, offered,
 * countered, accepted and not yet delivered) move to the case it was merged into, where the
 * customer's link now leads. An offer still open can only move to a case where an offer may
 * stand (the customer acknowledged and heard there); otherwise the merge is refused, undone
 * with it. Final ones (rejected, declined, withdrawn, fulfilled) stay as the merged case's record.
 */
@Component
class MergedCaseRemedies {

    private static final List<String> IN_NEGOTIATION = List.of("OFFERED", "COUNTERED");
    private static final List<String> NOT_FINAL = List.of("PENDING_APPROVAL", "APPROVED", "OFFERED", "COUNTERED", "ACCEPTED");

    private final JdbcClient jdbc;
    private final AgreedRemedies agreements;

    MergedCaseRemedies(JdbcClient jdbc, AgreedRemedies agreements) {
        this.jdbc = jdbc;
        this.agreements = agreements;
    }

    @EventListener
    void on(CasesMerged merged) {
        boolean negotiating = jdbc.sql("select count(*) from remedies where case_id = :c and state in (:states)")
            .param("c", merged.fromCaseId()).param("states", IN_NEGOTIATION).query(Long.class).single() > 0;
        if (negotiating) {
            agreements.whyNotAgreeable(merged.intoCaseId()).ifPresent(reason -> {
                throw new Conflict("An offer on the duplicate awaits the customer's answer, and it cannot stand on the other case: "
                    + reason);
            });
        }
        jdbc.sql("update remedies set case_id = :into where case_id = :from and state in (:states)")
            .param("into", merged.intoCaseId()).param("from", merged.fromCaseId()).param("states", NOT_FINAL).update();
    }
}
