package org.redress.sla;

import java.util.Optional;

import org.redress.cases.CaseManagement;
import org.redress.cases.CaseView;
import org.redress.identity.RedressUser;
import org.redress.shared.Conflict;
import org.redress.shared.Forbidden;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * "Take next": assigns the person the most urgent open case nobody holds, of their team
 * (then the shared inbox), through the same assignment and access rules as taking it by
 * hand. Two people pressing it at once get different cases: whoever loses the race to a
 * case tries the next one.
 */
@Service
public class TakeNext {

    private static final int ATTEMPTS = 5;

    private final CaseQueue queue;
    private final CaseManagement cases;

    TakeNext(CaseQueue queue, CaseManagement cases) {
        this.queue = queue;
        this.cases = cases;
    }

    /** The case now assigned to the person, or empty when nothing is waiting for them. */
    public Optional<CaseView> take(RedressUser me) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Long> candidate = queue.mostUrgentUnassigned(me);
            if (candidate.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(cases.takeUnheld(candidate.get(), me));
            } catch (OptimisticLockingFailureException | Conflict | Forbidden takenMeanwhile) {
                // Someone took it between the look-up and the assignment: the next one.
            }
        }
        throw new Conflict("Others are taking cases as fast as you; please try again.");
    }
}
