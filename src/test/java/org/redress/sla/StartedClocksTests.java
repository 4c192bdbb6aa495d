package org.redress.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.redress.ApplicationTest;
import org.redress.cases.CaseDeadlines;
import org.redress.cases.CaseSummary;
import org.redress.cases.Intake;
import org.redress.cases.PlaybookStep;
import org.redress.customers.CustomerDetails;
import org.redress.shared.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The answer to an intake gives the new case's deadline from the clocks the transaction has just
 * started, not read back: it must be what the table says, and a later change to those clocks in
 * the same transaction must show.
 */
class StartedClocksTests extends ApplicationTest {

    @Autowired
    Intake intake;

    @Autowired
    CaseDeadlines deadlines;

    @Autowired
    SlaClocks clocks;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theDeadlineInTheAnswerIsTheOneTheTableHoldsOnceCommitted() {
        Intake.Received received = new TransactionTemplate(transactions).execute(status -> receive(2));

        CaseSummary.Deadline answered = received.recoveryCase().deadline();
        CaseSummary.Deadline stored = deadlines.mostPressing(List.of(received.recoveryCase().id())).get(received.recoveryCase().id());
        assertThat(answered).isNotNull();
        assertThat(answered.step()).isEqualTo(PlaybookStep.ACKNOWLEDGE);
        assertThat(answered.dueAt()).isEqualTo(stored.dueAt());
        assertThat(answered.state()).isEqualTo(stored.state());
        assertThat(answered.minutesLeft()).isBetween(stored.minutesLeft(), stored.minutesLeft() + 1);
    }

    @Test
    void aClockMetInTheSameTransactionIsReadFromTheTableAgain() {
        CaseSummary.Deadline afterAcknowledging = new TransactionTemplate(transactions).execute(status -> {
            long caseId = receive(3).recoveryCase().id();
            clocks.meet(caseId, Target.ACKNOWLEDGE, Instant.now());
            return deadlines.mostPressing(List.of(caseId)).get(caseId);
        });

        assertThat(afterAcknowledging.step()).isEqualTo(PlaybookStep.RESOLVE);
    }

    private Intake.Received receive(int severity) {
        String ref = "C-" + unique();
        return intake.receive(new Intake.Complaint(CustomerDetails.of(ref, "Ada Started", ref + "@example.com", null), "email",
            "delivery", severity, "Parcel arrived broken", "The vase is in pieces."), null, Actor.SYSTEM);
    }
}
