package org.redress.sla;

import java.time.Instant;

/**
 * A case missed a target and was escalated as its policy says. {@code escalationTeamId} is
 * the team it was moved to, if any; {@code notifyLeads} says whether the leads are to be
 * told. Published once per clock.
 */
public record TargetMissed(long caseId, Target target, Instant dueAt, @org.jspecify.annotations.Nullable Long escalationTeamId,
                           boolean notifyLeads) {
}
