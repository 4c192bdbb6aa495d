package org.redress.cases;

import java.time.Instant;

/** A playbook step was recorded on a case (again, for steps that may be refined). */
public record StepRecorded(long caseId, PlaybookStep step, Instant recordedAt) {
}
