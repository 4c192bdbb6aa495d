package org.redress.sla;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.redress.cases.CaseManagement;
import org.redress.cases.CaseView;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What happens when a clock's timer fires, inside the sweep's transaction so that it
 * happens exactly once: the line on the case's timeline, the policy's escalation of a
 * missed target, and the event that tells the people who must act.
 */
@Component
class TimerFiring {

    /** A clock whose timer is due. */
    record DueClock(long id, long caseId, Target target, Instant dueAt, long policyId) {}

    private final CaseManagement cases;
    private final SlaManagement sla;
    private final ApplicationEventPublisher events;
    private final DateTimeFormatter when;

    TimerFiring(CaseManagement cases, SlaManagement sla, ApplicationEventPublisher events, ZoneId businessZone) {
        this.cases = cases;
        this.sla = sla;
        this.events = events;
        this.when = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH).withZone(businessZone);
    }

    void warned(DueClock clock) {
        cases.recordOnTimeline(clock.caseId(), "sla.at-risk", "At risk: " + label(clock) + " is due " + when.format(clock.dueAt()));
        events.publishEvent(new TargetAtRisk(clock.caseId(), clock.target(), clock.dueAt()));
    }

    void breached(DueClock clock) {
        if (clock.target() == Target.FOLLOW_UP) {
            cases.recordOnTimeline(clock.caseId(), "followup.due", "Follow-up due: check back that the customer is truly satisfied");
            events.publishEvent(new FollowUpDue(clock.caseId()));
            return;
        }
        cases.recordOnTimeline(clock.caseId(), "sla.breached", "Target missed: " + label(clock) + " was due "
            + when.format(clock.dueAt()));
        CaseView before = cases.view(clock.caseId());
        SlaPolicy policy = sla.policy(clock.policyId()).orElse(null);
        if (policy != null) {
            cases.escalate(clock.caseId(), policy.escalation(clock.target()));
        }
        events.publishEvent(new TargetMissed(clock.caseId(), clock.target(), clock.dueAt(),
            before.assignee() == null ? null : before.assignee().id(), before.team() == null ? null : before.team().id(),
            policy == null || policy.escalationNotifyLeads()));
    }

    private static String label(DueClock clock) {
        return clock.target().label().toLowerCase(Locale.ROOT);
    }
}
