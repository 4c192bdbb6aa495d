package org.redress.cases;

import org.jspecify.annotations.Nullable;

/**
 * What Redress does to a case that missed a target, as its time policy decides: move it
 * to a team's queue, hand it to a named person, raise its severity by one level. Any of
 * them may be absent; the timeline records the escalation even when none applies.
 */
public record Escalation(String reason, @Nullable Long teamId, @Nullable Long assigneeId, boolean raiseSeverity) {
}
