package org.redress.cases;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.redress.shared.Actor;

/**
 * The Learn step was recorded: what the case taught, under its root cause, and, when one was
 * chosen, the action that will keep it from happening again, who owns it and by when.
 */
public record LessonRecorded(long caseId, @Nullable String rootCause, String lesson, @Nullable PreventiveAction action,
                             Actor recordedBy, Instant recordedAt) {
}
