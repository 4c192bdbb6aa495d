package org.redress.cases;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules of the recovery playbook over the set of steps done: what comes next, what is
 * missing, which steps may be recorded again. One place, used by the case itself and by
 * the lists that show each case's next step.
 */
final class Playbook {

    // A step that answers the customer, delivers or checks happens once per resolution;
    // understanding (listen, cause, explanation, apology, lesson) may be refined, and so may
    // the agreed resolution until it is delivered.
    private static final Set<PlaybookStep> ONCE_PER_RESOLUTION =
        EnumSet.of(PlaybookStep.ACKNOWLEDGE, PlaybookStep.FULFIL, PlaybookStep.FOLLOW_UP);

    private Playbook() {
    }

    /** The first step not yet done. The declaration order respects the prerequisites, so it can be done now. */
    static Optional<PlaybookStep> next(Set<PlaybookStep> done) {
        return Arrays.stream(PlaybookStep.values()).filter(step -> !done.contains(step)).findFirst();
    }

    static List<PlaybookStep> missing(Set<PlaybookStep> done) {
        return Arrays.stream(PlaybookStep.values()).filter(step -> !done.contains(step)).toList();
    }

    static Set<PlaybookStep> missingPrerequisites(PlaybookStep step, Set<PlaybookStep> done) {
        Set<PlaybookStep> missing = EnumSet.noneOf(PlaybookStep.class);
        step.prerequisites().stream().filter(before -> !done.contains(before)).forEach(missing::add);
        return missing;
    }

    /** Whether a step already done may be recorded again now, to refine it. */
    static boolean refinable(PlaybookStep step, Set<PlaybookStep> done) {
        if (step == PlaybookStep.RESOLVE) {
            return !done.contains(PlaybookStep.FULFIL);
        }
        return !ONCE_PER_RESOLUTION.contains(step);
    }

    /** The status the steps imply for an open case. */
    static CaseStatus status(Set<PlaybookStep> done) {
        if (done.contains(PlaybookStep.FULFIL)) {
            return CaseStatus.FULFILLED;
        }
        if (done.contains(PlaybookStep.RESOLVE)) {
            return CaseStatus.RESOLUTION_AGREED;
        }
        return done.contains(PlaybookStep.ACKNOWLEDGE) ? CaseStatus.IN_PROGRESS : CaseStatus.NEW;
    }

    static String labels(Iterable<PlaybookStep> steps) {
        Set<PlaybookStep> sorted = EnumSet.noneOf(PlaybookStep.class);
        steps.forEach(sorted::add);
        return sorted.stream().map(PlaybookStep::label).collect(Collectors.joining(", "));
    }
}
