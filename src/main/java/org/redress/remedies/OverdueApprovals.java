package org.redress.remedies;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.redress.cases.CaseManagement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Approval requests whose decision is late: flagged once each, on the case, and those who can decide told again. */
@Component
class OverdueApprovals {

    private final JdbcClient jdbc;
    private final RemedyGuards guards;
    private final AuthorityMatrix authority;
    private final CaseManagement cases;
    private final RemedyJournal journal;
    private final Clock clock;

    OverdueApprovals(JdbcClient jdbc, RemedyGuards guards, AuthorityMatrix authority, CaseManagement cases,
                     RemedyJournal journal, Clock clock) {
        this.jdbc = jdbc;
        this.guards = guards;
        this.authority = authority;
        this.cases = cases;
        this.journal = journal;
        this.clock = clock;
    }

    /** Flags each late request once (nodes sweeping at once take different ones); returns how many. */
    @Transactional
    int flag() {
        Timestamp now = Timestamp.from(clock.instant());
        List<Long> late = jdbc.sql("""
                select id from remedies where state = 'PENDING_APPROVAL' and approval_due_at <= ? and approval_overdue_at is null
                order by approval_due_at limit 200 for update skip locked""")
            .param(now).query(Long.class).list();
        for (Long id : late) {
            jdbc.sql("update remedies set approval_overdue_at = ? where id = ?").params(now, id).update();
            Remedy remedy = guards.existing(id);
            cases.recordOnTimeline(remedy.caseId(), "remedy.approval-overdue", "Approval overdue: " + journal.terms(remedy)
                + " was to be decided by now");
            journal.awaitsDecision(remedy, authority.approversFor(remedy.caseId(), remedy.remedyType(), remedy.amount(),
                remedy.proposedById() == null ? -1 : remedy.proposedById()), true);
        }
        return late.size();
    }
}
