package org.redress.sla;

import java.time.Instant;

/** A case's target passed its warning share and is not met yet. Published once per clock. */
public record TargetAtRisk(long caseId, Target target, Instant dueAt) {
}
