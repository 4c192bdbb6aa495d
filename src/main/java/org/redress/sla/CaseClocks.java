package org.redress.sla;

import org.redress.cases.CaseClosed;
import org.redress.cases.CaseOpened;
import org.redress.cases.StepRecorded;
import org.redress.customers.CustomerManagement;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps each case's clocks in step with the case: a new case gets its acknowledge and
 * resolve targets from the matching policy; an agreed resolution starts the fulfil target;
 * steps meet their targets; closing stops what is left. Runs after the case's own
 * transaction, so timing can never hold up taking a complaint.
 */
@Component
class CaseClocks {

    private final SlaClocks clocks;
    private final SlaManagement sla;
    private final CustomerManagement customers;

    CaseClocks(SlaClocks clocks, SlaManagement sla, CustomerManagement customers) {
        this.clocks = clocks;
        this.sla = sla;
        this.customers = customers;
    }

    @ApplicationModuleListener
    void on(CaseOpened opened) {
        String tier = customers.find(opened.customerId()).map(customer -> customer.tier()).orElse("standard");
        SlaPolicy policy = sla.policyFor(opened.severity(), opened.channel().code(), tier);
        clocks.start(opened.caseId(), Target.ACKNOWLEDGE, policy, opened.openedAt());
        clocks.start(opened.caseId(), Target.RESOLVE, policy, opened.openedAt());
    }

    @ApplicationModuleListener
    void on(StepRecorded recorded) {
        switch (recorded.step()) {
            case ACKNOWLEDGE -> clocks.meet(recorded.caseId(), Target.ACKNOWLEDGE, recorded.recordedAt());
            case RESOLVE -> {
                clocks.meet(recorded.caseId(), Target.RESOLVE, recorded.recordedAt());
                Long policyId = clocks.policyOf(recorded.caseId());
                if (policyId != null) {
                    sla.policy(policyId).ifPresent(policy ->
                        clocks.start(recorded.caseId(), Target.FULFIL, policy, recorded.recordedAt()));
                }
            }
            case FULFIL -> clocks.meet(recorded.caseId(), Target.FULFIL, recorded.recordedAt());
            default -> {
                // other steps are not timed
            }
        }
    }

    @ApplicationModuleListener
    void on(CaseClosed closed) {
        clocks.stopAll(closed.caseId(), closed.closedAt());
    }
}
