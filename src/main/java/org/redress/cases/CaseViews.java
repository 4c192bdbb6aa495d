package org.redress.cases;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.redress.customers.CustomerManagement;
import org.redress.customers.CustomerView;
import org.redress.identity.Team;
import org.redress.identity.UserManagement;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/** Builds the view of a case, with the names of its customer, assignee and team, and its running time target. */
@Component
class CaseViews {

    private final CustomerManagement customers;
    private final UserManagement users;
    // Provided by the sla module when it runs, as for case lists (CaseSearch): this module does not depend on it.
    // Looked up once: a provider's look-up walks the bean factory, which intake would pay on every case.
    private final SingletonSupplier<CaseDeadlines> deadlines;

    CaseViews(CustomerManagement customers, UserManagement users, ObjectProvider<CaseDeadlines> deadlines) {
        this.customers = customers;
        this.users = users;
        this.deadlines = SingletonSupplier.of(deadlines::getIfAvailable);
    }

    CaseView of(RecoveryCase recoveryCase) {
        return of(recoveryCase, customers.get(recoveryCase.customerId()));
    }

    CaseView of(RecoveryCase c, CustomerView customer) {
        CaseView.Ref assignee = c.assigneeId() == null ? null
            : users.user(c.assigneeId()).map(user -> new CaseView.Ref(user.id(), user.name())).orElse(null);
        CaseView.Ref team = c.teamId() == null ? null
            : users.team(c.teamId()).map(Team::name).map(name -> new CaseView.Ref(c.teamId(), name)).orElse(null);
        List<CaseView.StepState> steps = Arrays.stream(PlaybookStep.values()).map(step -> {
            var done = c.record(step);
            boolean available = c.status().open() && step.prerequisites().stream().allMatch(c::done);
            boolean refinable = available && done.isPresent() && Playbook.refinable(step, c.stepsDone());
            return new CaseView.StepState(step, step.label(), done.isPresent(), available, refinable,
                done.map(StepRecord::doneAt).orElse(null), done.map(StepRecord::doneByName).orElse(null),
                done.map(StepRecord::note).orElse(null));
        }).toList();
        return new CaseView(c.id(), CaseNumber.format(c.id()), c.status(), c.outcome(), c.closeReason(),
            c.duplicateOf() == null ? null : CaseNumber.format(c.duplicateOf()),
            c.nextStep().map(CaseView.NextStep::of).orElse(null), customer, c.channel().code(), c.category(),
            c.severity(), c.subject(), assignee, team, c.tagNames(), c.rootCause(), c.responsibility(), c.resolution(),
            c.promisedBy(), c.satisfied(), c.satisfaction(), steps, c.openedAt(), c.updatedAt(), c.closedAt(), deadline(c));
    }

    private CaseSummary.@Nullable Deadline deadline(RecoveryCase c) {
        if (!c.status().open()) {
            return null;
        }
        CaseDeadlines source = deadlines.get();
        return source == null ? null : source.mostPressing(List.of(c.id())).get(c.id());
    }
}
