package org.redress.sla;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A case missed a target and was escalated as its policy says. The assignee and team it
 * had when the target was missed are named, as the escalation may have changed both;
 * {@code notifyLeads} says whether the policy wants the leads told. Published once per clock.
 */
public record TargetMissed(long caseId, Target target, Instant dueAt, @Nullable Long assigneeBefore,
                           @Nullable Long teamBefore, boolean notifyLeads) {
}
