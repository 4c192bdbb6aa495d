package org.redress.cases;

import org.jspecify.annotations.Nullable;

/**
 * A change moved a case in the work queue: its team, its holder, its severity or its status is
 * now this. Published in the transaction of the change, so a queue kept elsewhere (the sla
 * module's read model) files it anew before anyone reads it.
 */
public record CaseRefiled(long caseId, @Nullable Long teamId, @Nullable Long assigneeId, int severity, CaseStatus status) {
}
